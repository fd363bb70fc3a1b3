#include "framework/nn/module.h"

#include <algorithm>

namespace mann {

std::vector<Parameter*> Module::entries() const {
  std::vector<Parameter*> under;
  if (!collection_) return under;
  const std::string prefix = name_.empty() ? "" : name_ + "/";
  for (Parameter* p : collection_->parameters())
    if (p->name.starts_with(prefix)) under.push_back(p);
  return under;
}

std::vector<Parameter*> Module::parameters() const {
  std::vector<Parameter*> trained = entries();
  std::erase_if(trained, [](const Parameter* p) { return !p->trainable; });
  return trained;
}

std::vector<Parameter*> Module::buffers() const {
  std::vector<Parameter*> kept = entries();
  std::erase_if(kept, [](const Parameter* p) { return p->trainable; });
  return kept;
}

std::vector<std::string> Module::children() const {
  const size_t skip = name_.empty() ? 0 : name_.size() + 1;
  std::vector<std::string> names;
  for (const Parameter* p : entries()) {
    const std::string rest = p->name.substr(skip);
    const size_t slash = rest.find('/');
    if (slash == std::string::npos) continue;  // the module's own parameter, not a child's
    const std::string child = rest.substr(0, slash);
    if (std::find(names.begin(), names.end(), child) == names.end()) names.push_back(child);
  }
  return names;
}

int64_t Module::parameter_count() const {
  int64_t n = 0;
  for (const Parameter* p : parameters()) n += p->value.size();
  return n;
}

}  // namespace mann
