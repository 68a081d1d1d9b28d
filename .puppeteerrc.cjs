// Tests drive Debian's Chromium and Firefox ESR: puppeteer's install step must not download browsers,
// which this project's machines cannot reach anyway.
module.exports = { skipDownload: true };
