/**
 * Mermaid serializes its SVG as HTML: void elements in HTML labels come out as `<br>` and U+00A0
 * as `&nbsp;`, neither of which is XML, so an <img> of the SVG (the Export panel's preview, the
 * PNG drawn from it) and SVG viewers refuse the file. This writes them as XML; nothing else changes.
 */
const VOID_ELEMENT = /<(br|hr|wbr|img|input|col|area|source|track|embed)\b([^<>]*?)\/?>/gi;

export function xmlSafeSvg(svg: string): string {
  return svg
    .replace(VOID_ELEMENT, (_, name: string, attrs: string) => `<${name}${attrs}/>`)
    .replace(/&nbsp;/g, '&#160;');
}
