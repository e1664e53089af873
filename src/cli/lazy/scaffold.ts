// The scaffold writers and their YAML library: loaded only for `scaffold`.
export { scaffold, sizeWarnings } from "../../scaffold/index.js";
export { SHARED } from "../shared.js";
