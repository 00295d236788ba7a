// Starts the UI: the page's styles, then the app component (components/App.svelte) in the body.
import "../../templates/html/policy.css";
import "./app.css";
import { mount } from "svelte";
import App from "./components/App.svelte";

mount(App, { target: document.body });
