import ts from 'typescript';

/** A user-facing string written in a component instead of going through t(). */
export interface HardCodedString {
  line: number;
  kind: 'text' | 'attribute' | 'expression';
  text: string;
}

// Attributes a reader sees or hears. `label` covers <option label> and <track label>.
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

const hasLetters = (text: string) => /\p{L}/u.test(text);

/** Literal text of a string or template literal (template parts only), or null for other expressions. */
function literalText(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  return null;
}

/**
 * Heuristic scan of a .tsx file: JSX text with letters, JSX children that are
 * string or template literals with letters, and readable attributes (aria-label,
 * title, placeholder, alt…) given a literal with letters. Lines containing
 * `i18n-ignore` are skipped (say why next to it).
 */
export function findHardCodedStrings(source: string, fileName = 'file.tsx'): HardCodedString[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const lines = source.split('\n');
  const found: HardCodedString[] = [];
  const report = (node: ts.Node, kind: HardCodedString['kind'], text: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    if (lines[line - 1]?.includes('i18n-ignore')) return;
    found.push({ line, kind, text: text.trim().replace(/\s+/g, ' ') });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (hasLetters(node.text)) report(node, 'text', node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(file);
      const init = node.initializer;
      if (READ_ATTRIBUTES.has(name) && init) {
        const text = ts.isStringLiteral(init) ? init.text : ts.isJsxExpression(init) && init.expression ? literalText(init.expression) : null;
        if (text !== null && hasLetters(text)) report(node, 'attribute', `${name}="${text}"`);
      }
      return; // other attributes (className, data-*, href…) are not read
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== null && hasLetters(text)) report(node, 'expression', text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
