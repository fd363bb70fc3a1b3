#include "framework/nn/parameter_collection.h"

#include "framework/autodiff/errors.h"

namespace mann {

namespace {

// Names are paths: non-empty segments separated by single '/'. Keeps checkpoint keys unambiguous.
void check_name(const std::string& name) {
  bool ok =
      !name.empty() && name.front() != '/' && name.back() != '/' && name.find("//") == std::string::npos;
  if (!ok) throw UserError("invalid parameter name '" + name + "' (expected a path like \"model/hop2/C\")");
}

}  // namespace

Parameter& ParameterCollection::add(const std::string& name, Matrix value, bool trainable) {
  check_name(name);
  if (index_.count(name)) throw UserError("duplicate parameter name '" + name + "'");
  index_.emplace(name, params_.size());
  params_.push_back(std::make_unique<Parameter>(name, std::move(value)));
  params_.back()->trainable = trainable;
  return *params_.back();
}

Parameter& ParameterCollection::add(const std::string& name, Index rows, Index cols, const Init& init,
                                    Rng& rng) {
  // Validate before drawing, so that a rejected name does not advance the generator.
  check_name(name);
  if (index_.count(name)) throw UserError("duplicate parameter name '" + name + "'");
  return add(name, initialize(init, rows, cols, rng));
}

Parameter& ParameterCollection::add(const std::string& name, Index rows, Index cols, const Init& init) {
  return add(name, rows, cols, init, rng_);
}

Parameter& ParameterCollection::add_buffer(const std::string& name, Matrix value,
                                           std::string optional_because) {
  Parameter& buffer = add(name, std::move(value), /*trainable=*/false);
  buffer.optional_because = std::move(optional_because);
  return buffer;
}

Parameter* ParameterCollection::find(const std::string& name) {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : params_[it->second].get();
}

const Parameter* ParameterCollection::find(const std::string& name) const {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : params_[it->second].get();
}

Parameter& ParameterCollection::at(const std::string& name) {
  Parameter* p = find(name);
  if (!p) throw UserError("no parameter named '" + name + "'");
  return *p;
}

const Parameter& ParameterCollection::at(const std::string& name) const {
  const Parameter* p = find(name);
  if (!p) throw UserError("no parameter named '" + name + "'");
  return *p;
}

std::vector<Parameter*> ParameterCollection::parameters() const {
  std::vector<Parameter*> out;
  out.reserve(params_.size());
  for (const auto& p : params_) out.push_back(p.get());
  return out;
}

std::vector<Parameter*> ParameterCollection::trainable_parameters() const {
  std::vector<Parameter*> out;
  for (const auto& p : params_) {
    if (p->trainable) out.push_back(p.get());
  }
  return out;
}

std::vector<std::string> ParameterCollection::names() const {
  std::vector<std::string> out;
  out.reserve(params_.size());
  for (const auto& p : params_) out.push_back(p->name);
  return out;
}

void ParameterCollection::zero_grad() {
  for (auto& p : params_) p->zero_grad();
}

int64_t ParameterCollection::count() const {
  int64_t n = 0;
  for (const auto& p : params_) n += p->value.size();
  return n;
}

int64_t ParameterCollection::trainable_count() const {
  int64_t n = 0;
  for (const auto& p : params_) {
    if (p->trainable) n += p->value.size();
  }
  return n;
}

ParamScope ParameterCollection::scope(const std::string& prefix) {
  return ParamScope(*this, prefix);
}

ParamScope::ParamScope(ParameterCollection& collection, std::string prefix)
    : collection_(&collection), prefix_(std::move(prefix)) {
  if (!prefix_.empty()) check_name(prefix_);
}

std::string ParamScope::path(const std::string& name) const {
  return prefix_.empty() ? name : prefix_ + "/" + name;
}

ParamScope ParamScope::sub(const std::string& name) const {
  return ParamScope(*collection_, path(name));
}

Parameter& ParamScope::add(const std::string& name, Index rows, Index cols, const Init& init,
                           Rng& rng) const {
  return collection_->add(path(name), rows, cols, init, rng);
}

Parameter& ParamScope::add(const std::string& name, Index rows, Index cols, const Init& init) const {
  return collection_->add(path(name), rows, cols, init);
}

Parameter& ParamScope::add(const std::string& name, Matrix value, bool trainable) const {
  return collection_->add(path(name), std::move(value), trainable);
}

Parameter& ParamScope::add_buffer(const std::string& name, Matrix value, std::string optional_because) const {
  return collection_->add_buffer(path(name), std::move(value), std::move(optional_because));
}

Parameter& ParamScope::get(const std::string& name) const {
  return collection_->at(path(name));
}

}  // namespace mann
