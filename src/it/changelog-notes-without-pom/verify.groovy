def notes = new File(basedir, 'target/release-notes.md').text
def log = new File(basedir, 'build.log').text
def hash = { String subject ->
    def p = new ProcessBuilder('git', 'log', '--format=%H', '--grep=' + subject).directory(basedir).start()
    p.inputStream.text.trim()
}
def fix = hash('retry on 429')
def feat = hash('streaming responses')
assert notes.startsWith('## Brokle Python SDK python-v0.3.0 - 2025-01-15\n\n### 🎉 Highlights\n\n- Streaming for every provider\n\n### ✨ New Features\n\n')
assert notes.contains("- **client:** streaming responses ([${feat.take(7)}](https://github.com/brokle-ai/brokle-python/commit/${feat}))\n")
assert notes.contains("### 🐛 Bug Fixes\n\n- **client:** retry on 429 ([#31](https://github.com/brokle-ai/brokle-python/pull/31)) ([${fix.take(7)}](https://github.com/brokle-ai/brokle-python/commit/${fix}))\n")
assert notes.contains('### 📚 Documentation\n\n- streaming guide (')
assert notes.contains('### 🔧 Internal\n\n- **deps:** bump httpx (')
assert !notes.contains('prepare')
assert !notes.contains('Upgrade Instructions')
assert notes.endsWith('Full Changelog: [python-v0.2.9...python-v0.3.0](https://github.com/brokle-ai/brokle-python/compare/python-v0.2.9...python-v0.3.0)\n')
assert log.contains('[INFO] python 0.3.0: 4 changes listed since python-v0.2.9, 1 commit left out')
assert log.contains('[INFO] Written to ')
return true
