// X's weighted length in the browser: twitter-text's parseTweet loop (weightedLength only), run on
// twitter-text's own expressions served by /konsol/x-rules.js (window.GaungXRules). A URL counts
// 23, an emoji 2, most CJK and other scripts 2, Latin text 1. Works in node too (module.exports),
// which is how x-count.spec.ts compares it with the server's count.
(function (root) {
  'use strict';

  function compile(rules) {
    return {
      config: rules.config,
      extractUrl: new RegExp(rules.extractUrl.source, rules.extractUrl.flags),
      validAsciiDomain: new RegExp(rules.validAsciiDomain.source, rules.validAsciiDomain.flags),
      invalidPreceding: new RegExp(rules.invalidUrlWithoutProtocolPrecedingChars.source, rules.invalidUrlWithoutProtocolPrecedingChars.flags),
      validTcoUrl: new RegExp(rules.validTcoUrl.source, rules.validTcoUrl.flags),
      emoji: new RegExp(rules.emoji.source, rules.emoji.flags),
    };
  }

  // extractUrlsWithIndices, with extractUrlsWithoutProtocol on (the default). The IDNA length
  // check of very long internationalised domains is left out: it only matters past 4,096 characters.
  function extractUrls(text, r) {
    if (!text || !/\./.test(text)) return [];
    var urls = [];
    var re = r.extractUrl;
    re.lastIndex = 0;
    var m;
    while ((m = re.exec(text))) {
      var before = m[2] || '';
      var url = m[3] || '';
      var protocol = m[4];
      var domain = m[5] || '';
      var path = m[7];
      var end = re.lastIndex;
      var start = end - url.length;
      if (!protocol) {
        if (r.invalidPreceding.test(before)) continue;
        var last = null;
        var asciiEnd = 0;
        domain.replace(r.validAsciiDomain, function (ascii) {
          var asciiStart = domain.indexOf(ascii, asciiEnd);
          asciiEnd = asciiStart + ascii.length;
          last = { url: ascii, start: start + asciiStart, end: start + asciiEnd };
          urls.push(last);
          return ascii;
        });
        if (last === null) continue;
        if (path) {
          last.url = url.replace(domain, last.url);
          last.end = end;
        }
      } else {
        var tco = r.validTcoUrl.exec(url);
        if (tco) {
          if (tco[1] && tco[1].length > 40) continue;
          url = tco[0];
        }
        urls.push({ url: url, start: start, end: start + url.length });
      }
    }
    return urls;
  }

  function charWeight(ch, config) {
    var code = ch.charCodeAt(0);
    for (var i = 0; i < config.ranges.length; i++) {
      var range = config.ranges[i];
      if (code >= range.start && code <= range.end) return range.weight;
    }
    return config.defaultWeight;
  }

  function weightedLength(text, rules) {
    var r = rules;
    var config = r.config;
    var normalized = typeof text.normalize === 'function' ? text.normalize() : text;
    var urlAt = {};
    extractUrls(normalized, r).forEach(function (u) { urlAt[u.start] = u; });
    var emojiAt = {};
    if (config.emojiParsingEnabled) {
      r.emoji.lastIndex = 0;
      var e;
      while ((e = r.emoji.exec(normalized))) emojiAt[e.index] = e[0];
    }
    var weight = 0;
    for (var i = 0; i < normalized.length; i++) {
      if (urlAt[i]) {
        weight += config.transformedURLLength * config.scale;
        i += urlAt[i].url.length - 1;
      } else if (config.emojiParsingEnabled && emojiAt[i]) {
        weight += config.defaultWeight;
        i += emojiAt[i].length - 1;
      } else {
        var code = normalized.charCodeAt(i);
        // a surrogate pair is weighed by its second half, as parseTweet does
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < normalized.length) {
          var next = normalized.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) i += 1;
        }
        weight += charWeight(normalized.charAt(i), config);
      }
    }
    return weight / config.scale;
  }

  var compiled = null;
  var api = {
    /** X's weighted length of `text`; `rules` defaults to window.GaungXRules. */
    weightedLength: function (text, rules) {
      if (rules) return weightedLength(text, compile(rules));
      if (!compiled) compiled = compile(root.GaungXRules);
      return weightedLength(text, compiled);
    },
  };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.GaungXCount = api;
})(typeof window !== 'undefined' ? window : globalThis);
