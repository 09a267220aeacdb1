// Shared by the integration tests' setup scripts: runs git with a fixed identity, clock and no
// user or system configuration, so that every run builds the same repository.
// Use: def git = evaluate(new File(itDirectory, 'git-helper.groovy')); git(basedir, 'init')
def counter = [0]
return { File dir, String... args ->
    counter[0]++
    def date = String.format('2026-01-01T00:%02d:00Z', counter[0] % 60)
    def command = ['git', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false'] + (args as List)
    def builder = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
    builder.environment().putAll([GIT_AUTHOR_NAME: 'IT', GIT_AUTHOR_EMAIL: 'it@example.com', GIT_COMMITTER_NAME: 'IT',
            GIT_COMMITTER_EMAIL: 'it@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date,
            GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null'])
    def process = builder.start()
    def output = process.inputStream.text
    if (process.waitFor() != 0) {
        throw new IllegalStateException("git ${args.join(' ')} failed in ${dir}: ${output}")
    }
    return output.trim()
}
