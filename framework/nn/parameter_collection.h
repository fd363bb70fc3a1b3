#pragma once
// Ownership and naming of a model's parameters.
//
// A ParameterCollection owns every Parameter (heap-allocated, so addresses stay valid as it grows; the tape
// and optimizers hold plain pointers). Names are '/'-separated paths ("model/hop2/C") and double as
// checkpoint keys, so they must be unique. Modules never see the collection directly: they receive a
// ParamScope, a cheap handle that prefixes every name with the module's path. A module that ties weights
// simply keeps a Parameter& obtained from another module instead of adding its own.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "framework/autodiff/parameter.h"
#include "framework/nn/initializers.h"
#include "framework/util/rng.h"

namespace mann {

class ParamScope;

class ParameterCollection {
 public:
  // seed feeds the collection's own Rng, used by adds that are not given one.
  explicit ParameterCollection(uint64_t seed = 0) : rng_(seed) {}
  ParameterCollection(const ParameterCollection&) = delete;
  ParameterCollection& operator=(const ParameterCollection&) = delete;

  // Adds a parameter under a full name. Throws UserError if the name is taken or malformed.
  Parameter& add(const std::string& name, Matrix value, bool trainable = true);
  Parameter& add(const std::string& name, Index rows, Index cols, const Init& init, Rng& rng);
  Parameter& add(const std::string& name, Index rows, Index cols, const Init& init);
  // Adds a buffer: saved and restored with the parameters, never trained. A checkpoint must carry it unless
  // optional_because says why one may lack it (then loading keeps `value`). Throws as add() does.
  Parameter& add_buffer(const std::string& name, Matrix value, std::string optional_because = "");

  Parameter* find(const std::string& name);  // nullptr if absent
  const Parameter* find(const std::string& name) const;
  Parameter& at(const std::string& name);  // throws UserError naming the missing parameter
  const Parameter& at(const std::string& name) const;
  bool contains(const std::string& name) const { return index_.count(name) != 0; }

  // In creation order.
  std::vector<Parameter*> parameters() const;
  std::vector<Parameter*> trainable_parameters() const;
  std::vector<std::string> names() const;
  size_t size() const { return params_.size(); }

  void zero_grad();
  int64_t count() const;            // total scalars over all parameters
  int64_t trainable_count() const;  // scalars in trainable parameters

  // A scope rooted at prefix ("" = top level).
  ParamScope scope(const std::string& prefix = "");
  Rng& rng() { return rng_; }

 private:
  std::vector<std::unique_ptr<Parameter>> params_;
  std::unordered_map<std::string, size_t> index_;
  Rng rng_;
};

// A view of a collection under a name prefix. Copyable; valid as long as the collection lives.
class ParamScope {
 public:
  ParamScope(ParameterCollection& collection, std::string prefix);

  // A child scope: scope "model" .sub("hop2") is "model/hop2". The child name may itself contain '/'.
  ParamScope sub(const std::string& name) const;

  Parameter& add(const std::string& name, Index rows, Index cols, const Init& init, Rng& rng) const;
  Parameter& add(const std::string& name, Index rows, Index cols, const Init& init) const;
  Parameter& add(const std::string& name, Matrix value, bool trainable = true) const;
  // A buffer under this scope (see ParameterCollection::add_buffer).
  Parameter& add_buffer(const std::string& name, Matrix value, std::string optional_because = "") const;
  // A parameter already under this scope (e.g. to tie to it); throws UserError if absent.
  Parameter& get(const std::string& name) const;

  // The full name a child would get, and the scope's own path (module name in error messages).
  std::string path(const std::string& name) const;
  const std::string& name() const { return prefix_; }
  ParameterCollection& collection() const { return *collection_; }

 private:
  ParameterCollection* collection_;
  std::string prefix_;
};

}  // namespace mann
