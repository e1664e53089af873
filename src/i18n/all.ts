// Every language's messages, added up front: for the library, whose callers
// pick a language per call and cannot wait for one to load.
import { addCatalogue } from "./index.js";
import { ko } from "./ko.js";

addCatalogue("ko", ko);
