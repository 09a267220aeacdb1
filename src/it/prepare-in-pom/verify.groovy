// One release commit and one annotated tag, pushed; every version set and every other byte kept.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def remote = new File(basedir.parentFile, basedir.name + '-remote.git')
def before = { path -> new String(new File(basedir.parentFile, basedir.name + '-before/' + path).bytes, 'UTF-8') }
def now = { path -> new String(new File(basedir, path).bytes, 'UTF-8') }

assert now('pom.xml') == before('pom.xml').replace('<version>1.0.0</version><!--', '<version>1.1.0</version><!--')
assert now('pom.xml').contains('<artifactId>unrelated</artifactId>\n      <version>1.0.0</version>')
assert now('core/pom.xml') == before('core/pom.xml').replace('<version>1.0.0</version>', '<version>1.1.0</version>')
assert now('api/pom.xml') == before('api/pom.xml').replace('<version>1.0.0</version>', '<version>1.1.0</version>')
assert now('CHANGELOG.md').startsWith('# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2025-01-15\n\n### Added\n\n- **core:** usage metering')

assert git(basedir, 'log', '-1', '--format=%s') == 'chore(release): v1.1.0'
assert git(basedir, 'log', '-1', '--format=%an <%ae>') == 'Release Bot <release@example.com>'
assert git(basedir, 'rev-list', '--count', 'v1.0.0..HEAD') == '2'
assert git(basedir, 'cat-file', '-t', 'v1.1.0') == 'tag'
assert git(basedir, 'rev-parse', 'v1.1.0^{commit}') == git(basedir, 'rev-parse', 'HEAD')
assert git(basedir, 'tag', '-l', '--format=%(contents)', 'v1.1.0').contains('usage metering')
assert git(basedir, 'status', '--porcelain') == ''
assert git(remote, 'rev-parse', 'refs/heads/main') == git(basedir, 'rev-parse', 'HEAD')
assert git(remote, 'rev-parse', 'refs/tags/v1.1.0') == git(basedir, 'rev-parse', 'refs/tags/v1.1.0')

def log = new File(basedir, 'build.log').text
assert log.contains('Released v1.1.0 and pushed to origin')
return true
