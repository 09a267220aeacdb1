import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

def platform = evaluate(new File(itDirectory, 'platform-release.groovy'))
def fake = platform.create(basedir, platform.PLATFORM)
// the release before, as perform left it on GitHub
def http = HttpClient.newHttpClient()
['v3.2.0'].each { tag ->
    def body = "{\"tag_name\": \"${tag}\", \"name\": \"${tag}\", \"body\": \"Notes of ${tag}\", \"draft\": false, \"prerelease\": false}"
    def request = HttpRequest.newBuilder(fake.apiUrl().resolve("/repos/brokle-ai/brokle/releases"))
            .header('Authorization', 'Bearer ' + platform.TOKEN).header('Content-Type', 'application/json')
            .POST(HttpRequest.BodyPublishers.ofString(body)).build()
    assert http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 201
}
assert fake.latestTag() == 'v3.2.0'
return true
