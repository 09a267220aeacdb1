package ai.brokle.release.testing;

import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.junit.http.AppServer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * A bare repository served over smart HTTP on 127.0.0.1 by JGit's test server, behind basic
 * authentication: only {@link #USER} with {@link #PASSWORD} may read or push.
 */
public final class HttpRemote implements AutoCloseable {
    public static final String USER = AppServer.username;
    public static final String PASSWORD = AppServer.password;
    private static final String NAME = "remote.git";

    private final AppServer server;
    private final Repository repository;

    private HttpRemote(AppServer server, Repository repository) {
        this.server = server;
        this.repository = repository;
    }

    public static HttpRemote create(Path dir) throws Exception {
        Repository repository = Git.init().setBare(true).setDirectory(dir.resolve(NAME).toFile()).setInitialBranch("main").call().getRepository();
        AppServer server = new AppServer();
        ServletContextHandler context = server.addContext("/git");
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver((request, name) -> {
            if (!NAME.equals(name)) {
                throw new RepositoryNotFoundException(name);
            }
            repository.incrementOpen();
            return repository;
        });
        context.addServlet(new ServletHolder(servlet), "/*");
        server.authBasic(context);
        server.setUp();
        return new HttpRemote(server, repository);
    }

    /** The URL, without credentials. */
    public String url() {
        return server.getURI() + "/git/" + NAME;
    }

    /** The URL with the user and password in it, as some CI setups write remotes. */
    public String urlWithCredentials() {
        return url().replace("http://", "http://" + USER + ":" + PASSWORD + "@");
    }

    /** The object a ref of the remote points at, or null. */
    public ObjectId ref(String name) throws Exception {
        Ref ref = repository.exactRef(name);
        return ref == null ? null : ref.getObjectId();
    }

    @Override
    public void close() throws Exception {
        server.tearDown();
        repository.close();
    }
}
