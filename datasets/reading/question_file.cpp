#include "datasets/reading/question_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "framework/autodiff/errors.h"

namespace mann {
namespace {

std::vector<std::string> split_words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// Reads lines, counting them for error messages.
struct LineReader {
  std::istream& in;
  const std::string& source;
  int number = 0;

  [[noreturn]] void fail(const std::string& what) const {
    throw UserError(source + ":" + std::to_string(number) + ": " + what +
                    " (an rc-data .question file: URL, blank, document, blank, query, blank, answer, blank, "
                    "@entityN:Name lines)");
  }
  std::string next(const char* what) {
    std::string line;
    if (!std::getline(in, line)) {
      ++number;
      fail(std::string("the file ends before the ") + what);
    }
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  std::string content(const char* what) {
    std::string line = next(what);
    if (split_words(line).empty()) fail(std::string("the ") + what + " is empty");
    return line;
  }
  void blank(const char* after) {
    if (!split_words(next("blank line")).empty())
      fail(std::string("expected a blank line after the ") + after);
  }
};

}  // namespace

ClozeText parse_question_file(std::istream& in, const std::string& source) {
  LineReader lines{in, source};
  lines.content("URL");
  lines.blank("URL");
  ClozeText text;
  text.document = split_words(lines.content("document"));
  lines.blank("document");
  text.query = split_words(lines.content("query"));
  if (std::count(text.query.begin(), text.query.end(), std::string(kPlaceholder)) != 1)
    lines.fail(std::string("the query must hold ") + kPlaceholder + " exactly once");
  lines.blank("query");
  const std::vector<std::string> answer = split_words(lines.content("answer"));
  if (answer.size() != 1 || entity_number(answer[0]) < 0) lines.fail("the answer must be one @entityN");
  text.answer = answer[0];
  if (std::find(text.document.begin(), text.document.end(), text.answer) == text.document.end())
    lines.fail("the answer " + text.answer + " does not occur in the document");
  lines.blank("answer");
  for (std::string line; std::getline(in, line);) {
    ++lines.number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (split_words(line).empty()) continue;
    const size_t colon = line.find(':');
    const int n = colon == std::string::npos ? -1 : entity_number(line.substr(0, colon));
    if (n < 0) lines.fail("expected an entity line @entityN:Name, got `" + line + "`");
    if (static_cast<size_t>(n) >= text.names.size()) text.names.resize(static_cast<size_t>(n) + 1);
    text.names[static_cast<size_t>(n)] = line.substr(colon + 1);
  }
  return text;
}

ClozeText read_question_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UserError("cannot open question file " + path);
  return parse_question_file(in, path);
}

std::vector<std::string> question_files(const std::string& data_dir, const std::string& corpus,
                                        const std::string& split, int max_questions) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(data_dir) / corpus / "questions" / split;
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_directory(folder, ec))
    for (const fs::directory_entry& e : fs::directory_iterator(folder, ec))
      if (e.path().extension() == ".question") files.push_back(e.path().string());
  if (files.empty())
    throw UserError(
        "no " + corpus + " " + split + " questions: no *.question files in " + folder.string() +
        ". Get the CNN / Daily Mail questions from https://cs.nyu.edu/~kcho/DMQA/ (or generate them "
        "with https://github.com/deepmind/rc-data) and unpack them so that " +
        folder.string() +
        " holds the .question files; point --data-dir (or the dataset's data_dir) at the folder "
        "above " +
        corpus + "/");
  std::sort(files.begin(), files.end());
  if (max_questions > 0 && files.size() > static_cast<size_t>(max_questions))
    files.resize(static_cast<size_t>(max_questions));
  return files;
}

}  // namespace mann
