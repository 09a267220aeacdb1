def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def write = { path, text ->
    def file = new File(basedir, path)
    file.parentFile.mkdirs()
    file.text = text
}
write('.gitignore', 'build.log\n')
write('pyproject.toml', '[project]\nname = "brokle"\ndynamic = ["version"]\n')
write('brokle/__init__.py', 'from .version import __version__\n')
write('brokle/version.py', '__version__ = "0.2.9"\n')
write('CHANGELOG.md', '# Changelog\n')
repo.init(basedir)
repo.commit(basedir, 'chore(release): python-v0.2.9', 'python-v0.2.9')
return true
