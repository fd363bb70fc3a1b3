#include "datasets/babi/babi_parser.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "framework/autodiff/errors.h"

namespace mann {

namespace {

std::string lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

[[noreturn]] void malformed(const std::string& source, int line_no, const std::string& why) {
  throw UserError("bAbI file " + source + ", line " + std::to_string(line_no) + ": " + why);
}

// A NUL or other control byte means a binary or corrupt file; found here it names the line, found later it
// fails the first checkpoint write (HDF5 strings end at NUL), after the training it was meant to keep.
void check_characters(const std::string& source, int line_no, const std::string& line) {
  for (const char c : line) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\r') {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02x", byte);
      malformed(source, line_no, std::string("control byte ") + hex + " (a binary or corrupt file?)");
    }
  }
}

int supporting_line_number(const std::string& source, int line_no, const std::string& word) {
  int id = 0;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), id);
  if (error != std::errc() || end != word.data() + word.size())
    malformed(source, line_no, "supporting fact `" + word + "` is not a line number");
  return id;
}

}  // namespace

BabiTokens tokenize_babi(const std::string& text) {
  BabiTokens tokens;
  std::istringstream ss(lowercase(text));
  std::string tok;
  while (ss >> tok) {
    while (!tok.empty() && (tok.back() == '.' || tok.back() == '?')) tok.pop_back();
    if (!tok.empty()) tokens.push_back(tok);
  }
  return tokens;
}

BabiFile parse_babi(std::istream& in, int task, const std::string& source) {
  BabiFile file;
  file.task = task;
  // line_to_sentence[id] = index of line `id` among the current story's statements, -1 for a question.
  std::vector<int> line_to_sentence;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    check_characters(source, line_no, line);
    if (trim(line).empty()) continue;
    size_t pos = 0;
    int id = 0;
    try {
      id = std::stoi(line, &pos);
    } catch (const std::exception&) {
      malformed(source, line_no, "expected a line number at the start");
    }
    if (id < 1) malformed(source, line_no, "line number must be >= 1");
    if (id == 1 || file.stories.empty()) {
      file.stories.emplace_back();
      line_to_sentence.assign(1, -1);
    }
    if (id != static_cast<int>(line_to_sentence.size())) {
      malformed(source, line_no, "line number " + std::to_string(id) + " out of sequence");
    }
    BabiStory& story = file.stories.back();
    const std::string rest = line.substr(pos);
    const size_t tab = rest.find('\t');
    if (tab == std::string::npos) {
      if (trim(rest).ends_with('?'))
        malformed(source, line_no,
                  "question without an answer (expected question<TAB>answer<TAB>supporting line numbers)");
      line_to_sentence.push_back(static_cast<int>(story.sentences.size()));
      story.sentences.push_back(tokenize_babi(rest));
      continue;
    }
    // A question: text, answer, supporting line ids separated by tabs.
    line_to_sentence.push_back(-1);
    BabiRawQuestion q;
    q.story = static_cast<int>(file.stories.size()) - 1;
    q.sentence_count = static_cast<int>(story.sentences.size());
    q.question = tokenize_babi(rest.substr(0, tab));
    const size_t tab2 = rest.find('\t', tab + 1);
    q.answer =
        lowercase(trim(rest.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1)));
    if (q.answer.empty()) malformed(source, line_no, "question without an answer");
    if (tab2 != std::string::npos) {
      std::istringstream ids(rest.substr(tab2 + 1));
      std::string word;
      while (ids >> word) {
        const int sid = supporting_line_number(source, line_no, word);
        if (sid < 1 || sid >= id || line_to_sentence[sid] < 0) {
          malformed(source, line_no,
                    "supporting fact " + std::to_string(sid) + " is not an earlier statement");
        }
        q.supporting.push_back(line_to_sentence[sid]);
      }
    }
    file.questions.push_back(std::move(q));
  }
  if (in.bad()) throw UserError("bAbI file " + source + ": read error after line " + std::to_string(line_no));
  // Training and evaluation draw questions; a file without any is empty or not a bAbI file at all.
  if (file.questions.empty())
    throw UserError("bAbI file " + source + " has no questions (empty or truncated?)");
  return file;
}

BabiFile parse_babi_file(const std::string& path, int task) {
  std::ifstream in(path);
  if (!in) throw UserError("cannot open bAbI file " + path);
  return parse_babi(in, task, path);
}

}  // namespace mann
