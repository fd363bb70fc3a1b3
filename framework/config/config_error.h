#pragma once
// ConfigError: a mistake in a config file or a --set override, reported as `file:line:col: key `a.b`: what`
// so that editors and terminals can jump straight to the offending spot.
#include <string>

#include "framework/autodiff/errors.h"

namespace mann {

// Where a config node came from. line/column are 1-based; line 0 means "no position known" (e.g. a node
// built in code), in which case only the file (if any) is printed.
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;

  std::string to_string() const;  // "file:line:col", "file", or "" when nothing is known
};

class ConfigError : public UserError {
 public:
  // key_path may be empty (error about the whole document); suggestion is a bare key or type name that is
  // appended as "; did you mean `x`?".
  ConfigError(SourcePos pos, std::string key_path, std::string what, std::string suggestion = {});

  const SourcePos& pos() const { return pos_; }
  const std::string& key_path() const { return key_path_; }
  const std::string& problem() const { return problem_; }  // the bare "what" part
  const std::string& suggestion() const { return suggestion_; }

 private:
  SourcePos pos_;
  std::string key_path_;
  std::string problem_;
  std::string suggestion_;
};

}  // namespace mann
