#include "framework/config/config_error.h"

#include <utility>

namespace mann {

std::string SourcePos::to_string() const {
  if (line <= 0) return file;
  return (file.empty() ? std::string("<unknown>") : file) + ":" + std::to_string(line) + ":" +
         std::to_string(column);
}

namespace {

std::string format_message(const SourcePos& pos, const std::string& key_path, const std::string& what,
                           const std::string& suggestion) {
  std::string msg = pos.to_string();
  if (!msg.empty()) msg += ": ";
  if (!key_path.empty()) msg += "key `" + key_path + "`: ";
  msg += what;
  if (!suggestion.empty()) msg += "; did you mean `" + suggestion + "`?";
  return msg;
}

}  // namespace

ConfigError::ConfigError(SourcePos pos, std::string key_path, std::string what, std::string suggestion)
    : UserError(format_message(pos, key_path, what, suggestion)),
      pos_(std::move(pos)),
      key_path_(std::move(key_path)),
      problem_(std::move(what)),
      suggestion_(std::move(suggestion)) {}

}  // namespace mann
