// The code editor (CodeMirror 6), bundled by esbuild into www/pkg/editor.js and loaded only when
// editing starts. The page (Rust) mounts it, hears each change, and shows the interpreter's own
// syntax errors and refusals as diagnostics: this file checks nothing itself.
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { indentOnInput, indentUnit, bracketMatching, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { setDiagnostics } from '@codemirror/lint';

/** Mounts an editor of `doc` in `parent`; `onChange(text)` hears every edit, `onRun()` Ctrl+Enter. */
export function mount(parent, doc, onChange, onRun, label) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        indentUnit.of('    '),
        bracketMatching(),
        python(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': label, 'data-test': 'editor' }),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u.state.doc.toString()); }),
      ],
    }),
  });
  return {
    /** Underlines lines `line`:`col` to `endLine`:`endCol` (1-based lines, 0-based columns) with `message`; none if `message` is empty. */
    diagnose(line, col, endLine, endCol, message) {
      const doc = view.state.doc;
      const at = (l, c) => { const ln = doc.line(Math.min(Math.max(l, 1), doc.lines)); return Math.min(ln.from + c, ln.to); };
      const list = [];
      if (message) {
        const from = at(line, col);
        let to = at(endLine, endCol);
        if (to <= from) to = Math.min(from + 1, doc.length);
        list.push({ from, to, severity: 'error', message });
      }
      view.dispatch(setDiagnostics(view.state, list));
    },
    /** Replaces the text (an example, or the form's program), keeping the editor. */
    setText(text) {
      if (text !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus() { view.focus(); },
    destroy() { view.destroy(); },
  };
}
