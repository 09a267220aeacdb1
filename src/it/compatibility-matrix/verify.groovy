def text = new File(basedir, 'docs/SDK_COMPATIBILITY.md').text
assert text.startsWith('# SDK Version Compatibility Matrix\n')
assert text.contains('## Current SDK Versions (newest platform release: v1.1.0)')
assert text =~ /\| Python SDK \| 0\.2\.9 \| [0-9a-f]{7} \| 2026-01-01 \| Stable \|/
assert text.contains('### Platform v1.1.0 (2026-01-01)\n\n- Python SDK: python-v0.2.9\n- JavaScript SDK: js-v0.5.1\n- Breaking changes: None\n')
assert text.contains('### Platform v1.0.0 (2026-01-01)\n\n- Python SDK: python-v0.2.8\n- JavaScript SDK: js-v0.5.0\n')
assert text.indexOf('### Platform v1.1.0') < text.indexOf('### Platform v1.0.0')
return true
