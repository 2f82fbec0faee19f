// The code editor (CodeMirror 6), bundled by esbuild into www/pkg/editor.js and loaded only when
// editing starts. The page (Rust) mounts it, hears each change, and shows the interpreter's own
// syntax errors and refusals as diagnostics: this file checks nothing itself.
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { indentOnInput, indentUnit, bracketMatching, syntaxHighlighting, HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { python } from '@codemirror/lang-python';
import { setDiagnostics } from '@codemirror/lint';

// The page's own token colours (www/style.css, `tok-*`), which meet the contrast the page is
// checked for in both themes.
const highlightStyle = HighlightStyle.define([
  { tag: tags.keyword, class: 'tok-keyword' },
  { tag: [tags.string, tags.special(tags.string)], class: 'tok-string' },
  { tag: tags.number, class: 'tok-number' },
  { tag: tags.comment, class: 'tok-comment' },
  { tag: [tags.definition(tags.variableName), tags.function(tags.definition(tags.variableName)), tags.definition(tags.className)], class: 'tok-defined' },
]);

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
        syntaxHighlighting(highlightStyle),
        // Long lines wrap: the editor never scrolls sideways (nor becomes a region to scroll).
        EditorView.lineWrapping,
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
