package ai.brokle.release.credentials;

/** A user name and a password (or token); its {@code toString} hides the password. */
public record Login(String username, String password) {
    @Override
    public String toString() {
        return "Login[" + username + ", ****]";
    }
}
