def (index, test) = System.getProperties().remove('brokle.it.pypi.' + basedir.name)
try {
    assert index.files().isEmpty() : 'a pre-release never goes to the index'
    assert test.files().keySet() == ['brokle-0.3.0b1-py3-none-any.whl', 'brokle-0.3.0b1.tar.gz'] as Set
    assert test.files()['brokle-0.3.0b1.tar.gz'].content() == new File(basedir, 'dist/brokle-0.3.0b1.tar.gz').bytes
    def out = new File(basedir, 'downloaded')
    def pip = new ProcessBuilder('python3', '-m', 'pip', '--isolated', 'download', '--no-deps', '--no-cache-dir', '--disable-pip-version-check', '--index-url',
            test.simpleUrl().toString(), '-d', out.absolutePath, 'brokle==0.3.0b1').redirectErrorStream(true).start()
    def text = pip.inputStream.text
    assert pip.waitFor() == 0 : "pip download failed (it needs python3 with pip: apt-get install python3-pip): ${text}"
    assert new File(out, 'brokle-0.3.0b1-py3-none-any.whl').bytes == new File(basedir, 'dist/brokle-0.3.0b1-py3-none-any.whl').bytes
    def log = new File(basedir, 'build.log').text
    assert log.contains('[pypi] uploaded brokle-0.3.0b1-py3-none-any.whl')
    assert !log.contains('pypi-invokerfaketoken0123456789')
} finally {
    index.close()
    test.close()
}
return true
