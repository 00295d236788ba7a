// Starts the UI: the page's styles, then the app component (components/App.svelte) in the body.
import "../../templates/html/policy.css";
import "./app.css";
import { mount } from "svelte";
import App from "./components/App.svelte";

// Anything the CSP blocks (an inline style, say) is counted on the page and logged, so the
// end-to-end tests and a developer see it instead of a silently unstyled element.
document.addEventListener("securitypolicyviolation", (e) => {
  const root = document.documentElement.dataset;
  root.cspViolations = String(Number(root.cspViolations ?? 0) + 1);
  root.cspLast = `${e.violatedDirective} ${e.blockedURI || e.sample}`;
  console.error("blocked by the content security policy:", root.cspLast);
});

mount(App, { target: document.body });
