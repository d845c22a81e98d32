// Package realclient checks the built privacy center with real clients, as a
// person and a regulator would meet it: Debian's chromium driven over the
// DevTools protocol (crawl, language switch, screenshots, no external
// requests, axe-core for WCAG 2.1 A/AA) and the W3C Nu HTML checker. It holds
// only tests; it is the one package that imports chromedp.
//
// The tools are found through environment variables, else in their usual
// places:
//
//	ROPA_CHROMIUM       chromium binary (default: chromium on $PATH, /usr/bin/chromium)
//	ROPA_NODE_MODULES   folder with axe-core/ and vnu-jar/ (default: .ci/node_modules, as npm ci --prefix .ci installs it)
//	ROPA_AXE            axe.min.js (default: $ROPA_NODE_MODULES/axe-core/axe.min.js)
//	ROPA_VNU            vnu.jar (default: $ROPA_NODE_MODULES/vnu-jar/build/dist/vnu.jar); needs java on $PATH
//	ROPA_SCREENSHOTS    where the screenshots go (default: export/screenshots/ at the repository root)
//
// A missing tool skips its test, unless ROPA_REQUIRE_TOOLS=1 (as in CI): then
// the test fails. The tests are skipped with -short. Installing the tools:
//
//	apt-get install -y chromium default-jre-headless
//	npm install --prefix "$DIR" axe-core vnu-jar    # then ROPA_NODE_MODULES=$DIR/node_modules
package realclient
