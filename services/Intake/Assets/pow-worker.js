// SafetyReports proof-of-work solver, run as a Web Worker so the page stays responsive.
// Finds the smallest decimal nonce such that SHA-256 of the UTF-8 text "{challenge}:{nonce}"
// starts with `difficulty` zero bits (the rule of GET /api/v1/challenge), using WebCrypto.
'use strict';

// WebCrypto answers asynchronously: hashing a batch at once keeps the engine busy instead of
// waiting on one promise per nonce.
var BATCH = 512;

function leadingZeroBits(bytes) {
  var bits = 0;
  for (var i = 0; i < bytes.length; i++) {
    var b = bytes[i];
    if (b === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(b) - 24;
  }
  return bits;
}

self.onmessage = function (event) {
  var challenge = event.data.challenge;
  var difficulty = event.data.difficulty;
  if (!self.crypto || !self.crypto.subtle) {
    self.postMessage({ error: 'WebCrypto is not available (the page is not served over HTTPS).' });
    return;
  }

  var encoder = new TextEncoder();
  var prefix = challenge + ':';
  var started = Date.now();

  function round(start) {
    var digests = [];
    for (var i = 0; i < BATCH; i++) {
      digests.push(self.crypto.subtle.digest('SHA-256', encoder.encode(prefix + (start + i))));
    }
    return Promise.all(digests).then(function (hashes) {
      for (var i = 0; i < hashes.length; i++) {
        if (leadingZeroBits(new Uint8Array(hashes[i])) >= difficulty) {
          self.postMessage({ nonce: String(start + i), hashes: start + i + 1, milliseconds: Date.now() - started });
          return;
        }
      }
      return round(start + BATCH);
    });
  }

  round(0).catch(function (error) {
    self.postMessage({ error: String(error && error.message || error) });
  });
};
