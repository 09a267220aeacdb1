def text = new File(basedir, 'CHANGELOG.md').text
def log = new File(basedir, 'build.log').text
assert text.startsWith('# Changelog\n\nAll notable changes to this project will be documented in this file.\n')
def headings = text.readLines().findAll { it.startsWith('## ') }
assert headings == ['## [Unreleased]', '## [1.0.1] - 2026-01-01', '## [1.0.0] - 2026-01-01', '## [0.2.0] - 2026-01-01', '## [0.1.0] - 2026-01-01']
assert text.contains('### Breaking changes\n\n- esm only (')
assert text.contains('  - Migration: require() is no longer supported; use import\n')
def v020 = text.substring(text.indexOf('## [0.2.0]'), text.indexOf('## [0.1.0]'))
assert v020.contains('- anthropic wrapper (') && v020.contains('- token counts (')
assert !text.contains('not released yet')
assert text.endsWith('[Unreleased]: https://github.com/brokle-ai/brokle-js/compare/js-v1.0.1...HEAD\n'
        + '[1.0.1]: https://github.com/brokle-ai/brokle-js/compare/js-v1.0.0...js-v1.0.1\n'
        + '[1.0.0]: https://github.com/brokle-ai/brokle-js/compare/js-v0.2.0...js-v1.0.0\n'
        + '[0.2.0]: https://github.com/brokle-ai/brokle-js/compare/js-v0.1.0...js-v0.2.0\n'
        + '[0.1.0]: https://github.com/brokle-ai/brokle-js/releases/tag/js-v0.1.0\n')
assert log.contains('[INFO] js: 4 releases from the tags js-v*')
return true
