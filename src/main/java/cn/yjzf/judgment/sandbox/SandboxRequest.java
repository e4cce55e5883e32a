package cn.yjzf.judgment.sandbox;

import java.util.SortedMap;

/**
 * What the parent sends a sandbox child on its stdin: the rule files to validate — or, with {@code judge}, to judge
 * these findings with (an impact preview) — and a nonce the child echoes so
 * that nothing else printed on its stdout can pass for its answer. {@code checkCode} is false only in the sandbox's
 * own tests (see {@link RuleCodePolicy#unchecked()}).
 */
record SandboxRequest(String nonce, boolean checkCode, String origin, SortedMap<String, String> files,
                      java.util.List<SandboxFacts> judge, long timeoutMillis) {
}
