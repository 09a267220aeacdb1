def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def index = ai.brokle.release.testing.FakePackageIndex.start('pypi-invokerfaketoken0123456789')
def test = ai.brokle.release.testing.FakePackageIndex.start('pypi-invokerfaketoken0123456789')
System.getProperties().put('brokle.it.pypi.' + basedir.name, [index, test])
new File(basedir, '.gitignore').text = 'build.log\ndist/\n'
new File(basedir, '.brokle-release.yml').text = """\
components:
  python:
    path: .
    tagPrefix: python-v
    pypi:
      repository: ${index.uploadUrl()}
      simple: ${index.simpleUrl()}
      testRepository: ${test.uploadUrl()}
      testSimple: ${test.simpleUrl()}
"""
repo.init(basedir)
repo.commit(basedir, 'feat: streaming', 'python-v0.3.0-beta.1')
new File(basedir, 'dist').mkdirs()
def zip = new java.util.zip.ZipOutputStream(new FileOutputStream(new File(basedir, 'dist/brokle-0.3.0b1-py3-none-any.whl')))
zip.putNextEntry(new java.util.zip.ZipEntry('brokle-0.3.0b1.dist-info/METADATA'))
zip.write('Metadata-Version: 2.1\nName: brokle\nVersion: 0.3.0b1\nSummary: Brokle\nDescription-Content-Type: text/markdown\n\n# Brokle\n'.bytes)
zip.closeEntry()
zip.putNextEntry(new java.util.zip.ZipEntry('brokle-0.3.0b1.dist-info/WHEEL'))
zip.write('Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n'.bytes)
zip.closeEntry()
zip.close()
def pkgInfo = 'Metadata-Version: 2.1\nName: brokle\nVersion: 0.3.0b1\nSummary: Brokle\nDescription-Content-Type: text/markdown\n\n# Brokle\n'.bytes
def tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
        new java.util.zip.GZIPOutputStream(new FileOutputStream(new File(basedir, 'dist/brokle-0.3.0b1.tar.gz'))))
def entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry('brokle-0.3.0b1/PKG-INFO')
entry.size = pkgInfo.length
tar.putArchiveEntry(entry)
tar.write(pkgInfo)
tar.closeArchiveEntry()
tar.close()
return true
