def text = new File(basedir, 'CHANGELOG.md').text
def before = new File(basedir, 'expected-untouched.txt').text
def head = before.substring(0, before.indexOf('### Added'))
assert text.startsWith(head.replace('## [Unreleased]\n\n', '## [Unreleased]\n\n## [3.2.0] - 2025-01-15\n\n'))
assert text.contains('## [3.2.0] - 2025-01-15\n\n### Added\n\n- Hand-written: a dashboard tour for new users\n- **otlp:** OTLP trace ingestion ([#123](https://github.com/brokle-ai/brokle/pull/123))')
assert text.contains('### Changed\n\n- **gateway:** route cache (')
assert text.contains('### Fixed\n\n- span parent linking ([#126](https://github.com/brokle-ai/brokle/pull/126))')
assert !text.contains('Merge branch')
def older = before.substring(before.indexOf('## [3.1.0]'), before.indexOf('[Unreleased]:'))
assert text.contains('\n\n' + older)
assert text.endsWith('[Unreleased]: https://github.com/brokle-ai/brokle/compare/v3.2.0...HEAD\n'
        + '[3.2.0]: https://github.com/brokle-ai/brokle/compare/v3.1.0...v3.2.0\n'
        + '[3.1.0]: https://github.com/brokle-ai/brokle/compare/v3.0.0...v3.1.0\n')
assert text.count('Hand-written: a dashboard tour') == 1
return true
