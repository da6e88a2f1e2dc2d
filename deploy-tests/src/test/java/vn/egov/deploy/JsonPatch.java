package vn.egov.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON Patch (RFC 6902) operations the overlays use: add, replace and remove, on parsed YAML. */
final class JsonPatch {

    private JsonPatch() {}

    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> document, Map<String, Object> operation) {
        String op = (String) operation.get("op");
        String path = (String) operation.get("path");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer expected: " + operation);
        }
        List<String> tokens = new ArrayList<>();
        for (String token : path.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        Object parent = document;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token, path);
        }
        String last = tokens.get(tokens.size() - 1);
        Object value = operation.get("value");
        switch (op) {
            case "add" -> {
                if (parent instanceof Map<?, ?> map) {
                    ((Map<String, Object>) map).put(last, value);
                } else if (parent instanceof List<?> list) {
                    List<Object> l = (List<Object>) list;
                    if ("-".equals(last)) {
                        l.add(value);
                    } else {
                        l.add(index(last, l.size() + 1, path), value);
                    }
                } else {
                    throw new IllegalArgumentException("cannot add under a scalar: " + path);
                }
            }
            case "replace", "remove" -> {
                if (parent instanceof Map<?, ?> map) {
                    if (!map.containsKey(last)) {
                        throw new IllegalArgumentException(op + ": no such path " + path);
                    }
                    if (op.equals("replace")) {
                        ((Map<String, Object>) map).put(last, value);
                    } else {
                        map.remove(last);
                    }
                } else if (parent instanceof List<?> list) {
                    int i = index(last, list.size(), path);
                    if (op.equals("replace")) {
                        ((List<Object>) list).set(i, value);
                    } else {
                        list.remove(i);
                    }
                } else {
                    throw new IllegalArgumentException(op + ": no such path " + path);
                }
            }
            default -> throw new IllegalArgumentException("JSON patch operation outside the subset: " + op);
        }
    }

    private static Object child(Object node, String token, String path) {
        Object next;
        if (node instanceof Map<?, ?> map) {
            next = map.get(token);
        } else if (node instanceof List<?> list) {
            next = list.get(index(token, list.size(), path));
        } else {
            next = null;
        }
        if (next == null) {
            throw new IllegalArgumentException("no such path " + path + " (at " + token + ")");
        }
        return next;
    }

    private static int index(String token, int size, String path) {
        int i;
        try {
            i = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an array index expected in " + path + ": " + token);
        }
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException("index out of range in " + path + ": " + token);
        }
        return i;
    }
}
