/* The console's job page: while the job runs, ask its state every 2 seconds, say it in
   the status line (a polite live region), and reload the page once the job has finished
   (its preview, result or error is then shown). Without scripts, <noscript> refreshes. */
(function () {
    "use strict";
    var line = document.getElementById("job-status");
    if (!line || !line.dataset.poll) { return; }
    var url = line.dataset.poll;
    var last = "";
    function ask() {
        fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (state) {
                if (!state) { setTimeout(ask, 5000); return; }
                if (state.status !== "queued" && state.status !== "running") {
                    window.location.reload();
                    return;
                }
                var text = "État : " + state.label + (state.phase ? " (" + state.phase + ")" : "") + ".";
                if (text !== last) { line.textContent = text; last = text; }
                setTimeout(ask, 2000);
            })
            .catch(function () { setTimeout(ask, 5000); });
    }
    setTimeout(ask, 1000);
}());
