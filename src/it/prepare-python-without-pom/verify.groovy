// The tag's spelling in version.py (0.3.0-beta.1), PEP 440's normal form in pyproject.toml (format: pep440, 0.3.0b1),
// SemVer in the tag (python-v0.3.0-beta.1); every other byte kept; pushed.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def remote = new File(basedir.parentFile, basedir.name + '-remote.git')
def now = { path -> new String(new File(basedir, path).bytes, 'UTF-8') }

assert !new File(basedir, 'pom.xml').exists()
assert now('brokle/version.py') == '"""Version of the Brokle SDK."""\n\n__version__ = "0.3.0-beta.1"\n'
assert now('pyproject.toml') == '''\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "brokle"
version = "0.3.0b1"   # kept in step by brokle-release
dependencies = ["httpx>=0.27"]

[tool.ruff]
target-version = "py39"
'''
assert now('CHANGELOG.md').contains('## [0.3.0-beta.1] - 2025-01-15')
assert git(basedir, 'log', '-1', '--format=%s') == 'chore(release): python-v0.3.0-beta.1'
assert git(basedir, 'cat-file', '-t', 'python-v0.3.0-beta.1') == 'tag'
assert git(basedir, 'status', '--porcelain') == ''
assert git(remote, 'rev-parse', 'refs/heads/main') == git(basedir, 'rev-parse', 'HEAD')
assert git(remote, 'rev-parse', 'refs/tags/python-v0.3.0-beta.1') == git(basedir, 'rev-parse', 'refs/tags/python-v0.3.0-beta.1')
return true
