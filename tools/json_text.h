#pragma once
// JSON string literals for the commands that print machine-readable results (`mann eval --json`).
#include <cstdio>
#include <string>

namespace mann {

// `text` as a JSON string: quoted, with quotes, backslashes and control characters escaped.
inline std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (const char ch : text) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (static_cast<unsigned char>(ch) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(ch));
      out += escaped;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

}  // namespace mann
