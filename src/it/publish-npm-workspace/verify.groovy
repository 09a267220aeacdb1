def registry = System.getProperties().remove('brokle.it.npm.' + basedir.name)
try {
    def view = { String spec, String field ->
        def p = new ProcessBuilder('npm', 'view', spec, field, '--json', '--registry', registry.url().toString()).start()
        def text = p.inputStream.text
        p.waitFor()
        return new groovy.json.JsonSlurper().parseText(text.trim() ? text : 'null')
    }
    assert view('brokle', 'dist-tags').latest == '0.5.0'
    assert view('brokle-openai', 'dist-tags').latest == '0.5.0'
    assert view('brokle-openai@0.5.0', 'dependencies').brokle == '0.5.0' : 'the range as written'
    def log = new File(basedir, 'build.log').text
    assert log.indexOf('[npm] published brokle@0.5.0') < log.indexOf('[npm] published brokle-openai@0.5.0')
    assert !log.contains(registry.token())
} finally {
    registry.close()
}
return true
