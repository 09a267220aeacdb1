package ai.brokle.release.files;

import ai.brokle.release.files.XmlElements.Element;
import ai.brokle.release.version.SemVer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The version of a Maven project: the project's own {@code <version>} and, through its
 * {@code <modules>}, the reactor's: each module's {@code <parent><version>} and own version, and
 * dependencies between modules, wherever they equal the old version ({@code ${project.version}}
 * and other expressions are left alone).
 */
final class PomVersions {
    private final VersionFileUpdater files;
    private final List<String> problems = new ArrayList<>();
    /** Every pom of the reactor, root first: path → parsed project. */
    private final Map<String, Element> poms = new LinkedHashMap<>();

    PomVersions(VersionFileUpdater files) {
        this.files = files;
    }

    VersionFileUpdater.Result update(String rootPom, SemVer version) {
        collect(rootPom, true);
        if (!problems.isEmpty()) {
            return new VersionFileUpdater.Result(List.of(), problems);
        }
        Element root = poms.get(rootPom);
        Element own = root.child("version");
        String old = own != null ? own.text() : null;
        if (own == null) {
            return VersionFileUpdater.Result.problem(rootPom + ": has no <version> of its own to set (it inherits "
                    + (root.child("parent") == null ? "none" : "its parent's") + "); add <version> to <project>");
        }
        Set<String> reactor = poms.entrySet().stream().map(e -> coordinates(e.getValue())).collect(Collectors.toSet());
        String value = version.toString();
        List<FileChange> changes = new ArrayList<>();
        for (Map.Entry<String, Element> e : poms.entrySet()) {
            String path = e.getKey();
            Element project = e.getValue();
            TextEdits edits = new TextEdits(files.read(path));
            setIfOld(edits, project.child("version"), old, value);
            Element parent = project.child("parent");
            if (parent != null && reactor.contains(coordinates(parent, null))) {
                setIfOld(edits, parent.child("version"), old, value);
            }
            String groupId = groupId(project);
            for (Element dependency : dependencies(project)) {
                if (reactor.contains(coordinates(dependency, groupId))) {
                    setIfOld(edits, dependency.child("version"), old, value);
                }
            }
            if (!edits.isEmpty()) {
                changes.add(new FileChange(path, files.read(path), edits.apply()));
            }
        }
        return problems.isEmpty() ? VersionFileUpdater.Result.of(changes) : new VersionFileUpdater.Result(List.of(), problems);
    }

    private void collect(String path, boolean root) {
        if (poms.containsKey(path)) {
            return;
        }
        Optional<String> unsafe = RepositoryPath.problem(files.root(), path);
        if (unsafe.isPresent()) {
            problems.add(unsafe.get() + "; fix <modules> in the parent pom");
            return;
        }
        if (!root && !files.exists(path)) {
            problems.add(path + ": the module's pom.xml does not exist; fix <modules> in the parent pom");
            return;
        }
        String text;
        try {
            text = files.read(path);
        } catch (VersionFileUpdater.MissingFile e) {
            problems.add(e.getMessage());
            return;
        }
        Element project;
        try {
            project = XmlElements.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(path + ": cannot be read as XML (" + e.getMessage() + ")");
            return;
        }
        if (!project.name.equals("project")) {
            problems.add(path + ": the root element is <" + project.name + ">, not <project>");
            return;
        }
        poms.put(path, project);
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        List<Element> moduleLists = new ArrayList<>(project.children("modules"));
        Element profiles = project.child("profiles");
        if (profiles != null) {
            for (Element profile : profiles.children("profile")) {
                moduleLists.addAll(profile.children("modules"));
            }
        }
        for (Element modules : moduleLists) {
            for (Element module : modules.children("module")) {
                String name = module.text();
                if (name == null || name.isEmpty()) {
                    continue;
                }
                String modulePath = normalize(dir + name + (name.endsWith(".xml") ? "" : "/pom.xml"));
                collect(modulePath, false);
            }
        }
    }

    private static void setIfOld(TextEdits edits, Element element, String old, String value) {
        if (element != null && old.equals(element.text())) {
            int[] span = element.trimmedSpan();
            edits.replace(span[0], span[1], value);
        }
    }

    private static List<Element> dependencies(Element project) {
        List<Element> containers = new ArrayList<>();
        containers.add(project);
        Element management = project.child("dependencyManagement");
        if (management != null) {
            containers.add(management);
        }
        Element profiles = project.child("profiles");
        if (profiles != null) {
            for (Element profile : profiles.children("profile")) {
                containers.add(profile);
                Element m = profile.child("dependencyManagement");
                if (m != null) {
                    containers.add(m);
                }
            }
        }
        List<Element> all = new ArrayList<>();
        for (Element c : containers) {
            for (Element list : c.children("dependencies")) {
                all.addAll(list.children("dependency"));
            }
        }
        return all;
    }

    private static String coordinates(Element project) {
        return groupId(project) + ":" + plain(project.child("artifactId"));
    }

    private static String coordinates(Element dependency, String projectGroupId) {
        String group = plain(dependency.child("groupId"));
        if ("${project.groupId}".equals(group) || "${pom.groupId}".equals(group)) {
            group = projectGroupId;
        }
        return group + ":" + plain(dependency.child("artifactId"));
    }

    private static String groupId(Element project) {
        String group = plain(project.child("groupId"));
        if (group == null && project.child("parent") != null) {
            group = plain(project.child("parent").child("groupId"));
        }
        return group;
    }

    private static String plain(Element element) {
        return element == null ? null : element.text();
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }
}
