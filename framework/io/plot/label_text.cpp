#include "framework/io/plot/label_text.h"

#include <algorithm>

#include "framework/io/plot/font.h"

namespace mann::plot {

std::string truncate_label(std::string_view text, int max_chars) {
  std::string flat(text);
  for (char& c : flat) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (code_points(flat) <= max_chars) return flat;
  if (max_chars <= 2) return std::string(static_cast<std::size_t>(std::max(max_chars, 0)), '.');
  // Cut before the lead byte of code point number max_chars - 2.
  int seen = 0;
  std::size_t cut = 0;
  for (; cut < flat.size(); ++cut) {
    const bool lead = (static_cast<unsigned char>(flat[cut]) & 0xC0) != 0x80;
    if (lead && seen++ == max_chars - 2) break;
  }
  return flat.substr(0, cut) + "..";
}

namespace {

// Flat `text` (no line breaks) cut to max_chars code points in the middle: head ".." tail.
std::string shorten_middle(std::string_view text, int max_chars) {
  const std::string flat = truncate_label(text, code_points(text));  // line breaks and tabs as spaces
  std::vector<std::size_t> starts;                                   // byte offset of each code point
  for (std::size_t i = 0; i < flat.size(); ++i)
    if ((static_cast<unsigned char>(flat[i]) & 0xC0) != 0x80) starts.push_back(i);
  if (static_cast<int>(starts.size()) <= max_chars || max_chars <= 4) return truncate_label(flat, max_chars);
  const std::size_t head = static_cast<std::size_t>(max_chars - 2 + 1) / 2;
  const std::size_t tail = static_cast<std::size_t>(max_chars - 2) - head;
  return flat.substr(0, starts[head]) + ".." + flat.substr(starts[starts.size() - tail]);
}

}  // namespace

std::vector<std::string> legend_labels(const std::vector<std::string>& names, int max_chars) {
  int longest = 0;
  for (const std::string& name : names) longest = std::max(longest, code_points(name));
  for (int width = max_chars;; width += 10) {
    std::vector<std::string> labels;
    for (const std::string& name : names) labels.push_back(shorten_middle(name, width));
    bool distinct = true;
    for (std::size_t i = 0; i < labels.size() && distinct; ++i)
      for (std::size_t j = i + 1; j < labels.size() && distinct; ++j)
        distinct = labels[i] != labels[j] || names[i] == names[j];
    if (distinct || width >= longest) return labels;
  }
}

std::vector<std::string> wrap_label(std::string_view text, int max_width, int scale, int max_lines) {
  std::vector<std::string> words;
  std::string word;
  for (char c : truncate_label(text, code_points(text))) {  // line breaks and tabs as spaces
    if (c != ' ') {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  std::vector<std::string> lines;
  std::string line;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string candidate = line.empty() ? words[i] : line + " " + words[i];
    if (text_width(candidate, scale) <= max_width) {
      line = candidate;
      continue;
    }
    if (!line.empty()) lines.push_back(line);
    line = words[i];
    if (static_cast<int>(lines.size()) == max_lines - 1) {  // the last line takes the rest, cut to fit
      for (std::size_t j = i + 1; j < words.size(); ++j) line += " " + words[j];
      break;
    }
  }
  if (!line.empty()) lines.push_back(line);
  for (std::string& l : lines) l = fit_label(l, max_width, scale);
  return lines;
}

std::string fit_label(std::string_view text, int max_width, int scale) {
  // Each code point adds the same advance, so the fitting length follows directly from the width.
  const int advance = kGlyphAdvance * std::max(scale, 1);
  const int max_chars = std::max(0, (max_width + std::max(scale, 1)) / advance);
  return truncate_label(text, max_chars);
}

}  // namespace mann::plot
