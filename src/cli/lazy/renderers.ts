// The text, Markdown and ADR renderers, with chalk: a JSON run needs none of them.
export { renderAdr } from "../render/adr.js";
export { renderMarkdown } from "../render/markdown.js";
export { renderText } from "../render/text.js";
export { SHARED } from "../shared.js";
