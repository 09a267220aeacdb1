// The Python SDK: version module and pyproject.toml at 0.2.9 (tag python-v0.2.9), a feature since, pushed to a bare remote.
def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def remote = repo.remote(basedir)
new File(basedir, '.gitignore').text = 'build.log\n__pycache__/\n'
new File(basedir, '.brokle-release.yml').text = '''\
components:
  python:
    path: .
    tagPrefix: python-v
    changelog: CHANGELOG.md
    versionFiles:
      - path: brokle/version.py
      - path: pyproject.toml
        format: pep440
'''
new File(basedir, 'brokle').mkdirs()
new File(basedir, 'brokle/version.py').text = '"""Version of the Brokle SDK."""\n\n__version__ = "0.2.9"\n'
new File(basedir, 'pyproject.toml').text = '''\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "brokle"
version = "0.2.9"   # kept in step by brokle-release
dependencies = ["httpx>=0.27"]

[tool.ruff]
target-version = "py39"
'''
new File(basedir, 'CHANGELOG.md').text = '# Changelog\n\n## [Unreleased]\n\n## [0.2.9] - 2026-01-01\n\n### Fixed\n- Retries\n'
repo.init(basedir)
repo.commit(basedir, 'chore(release): python-v0.2.9', 'python-v0.2.9')
new File(basedir, 'brokle/stream.py').text = 'def stream():\n    pass\n'
repo.commit(basedir, 'feat(client): streaming responses')
repo.publish(basedir, remote)
return true
