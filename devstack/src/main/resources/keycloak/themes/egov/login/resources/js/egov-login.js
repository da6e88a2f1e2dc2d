// What keycloak.v2's template does in inline scripts, from a file (a Content-Security-Policy without
// 'unsafe-inline' allows it): follow a sign-in finished in another tab, notice an expired login session, and
// disable a "once" link after its first click. The pages work without it (JavaScript off): it only adds comfort.
import { checkAuthSession, startSessionPolling } from "./authChecker.js";

const data = document.body.dataset;
if (data.ssoPollingUrl) {
  startSessionPolling(data.ssoPollingUrl);
}
if (data.authSessionHash) {
  checkAuthSession(data.authSessionHash);
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-once-link]");
  if (!link) {
    return;
  }
  if (link.getAttribute("aria-disabled") === "true") {
    event.preventDefault();
    return;
  }
  const { disabledClass } = link.dataset;
  if (disabledClass) {
    link.classList.add(...disabledClass.trim().split(/\s+/));
  }
  link.setAttribute("role", "link");
  link.setAttribute("aria-disabled", "true");
});
