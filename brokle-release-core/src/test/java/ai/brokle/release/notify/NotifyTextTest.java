package ai.brokle.release.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Commit text reaches chat as text: no mention that notifies, no link that disguises where it goes. */
class NotifyTextTest {
    @Test
    void slackMrkdwnControlCharactersAreEscaped() {
        assertEquals("&lt;!channel&gt; see &lt;https://evil.example|the official docs&gt; &amp; more",
                NotifyStep.slackText("<!channel> see <https://evil.example|the official docs> & more"));
    }

    @Test
    void discordMentionsAndMarkdownLinksAreEscaped() {
        assertEquals("\\@everyone see \\[the official docs\\]\\(https://evil.example\\) \\<\\@123\\>",
                NotifyStep.discordText("@everyone see [the official docs](https://evil.example) <@123>"));
    }
}
