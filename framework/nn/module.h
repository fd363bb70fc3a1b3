#pragma once
// A part of a model: parameters and buffers under one hierarchical name, with the modules built under that
// name as its children (PyTorch's nn::Module, DyNet's sub-collections). Every layer, recurrent cell,
// addressing module and model is one.
//
// The ParameterCollection owns every parameter and buffer, and the names are the checkpoint keys, so a
// module keeps no pointers to its children: it is the subtree of names under its path. That keeps modules
// cheap to copy and move (layers live in vectors and optionals), and a module and its checkpoint always
// agree on what it holds. Parameters a module reuses from another (weight tying) belong to their owner.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "framework/nn/parameter_collection.h"

namespace mann {

class Module {
 public:
  virtual ~Module() = default;

  // The module's path, the prefix of its parameters' names ("model/hop2/addressing").
  const std::string& name() const { return name_; }
  // Its trainable parameters and those of its children, in creation order.
  std::vector<Parameter*> parameters() const;
  // Its buffers (saved and restored, never trained) and those of its children, in creation order.
  std::vector<Parameter*> buffers() const;
  // The names of the modules directly under it that hold parameters or buffers ("lstm0", "key", ...), in
  // the order their first entry was created.
  std::vector<std::string> children() const;
  // Scalars in parameters() (what it trains).
  int64_t parameter_count() const;

 protected:
  // A module whose parameters go under `scope`.
  explicit Module(const ParamScope& scope) : name_(scope.name()), collection_(&scope.collection()) {}
  // A module that owns nothing, only reuses parameters of others (a tied layer), named `name`.
  explicit Module(std::string name) : name_(std::move(name)) {}

 private:
  // Every entry of the collection under this module's path, in creation order.
  std::vector<Parameter*> entries() const;

  std::string name_;
  ParameterCollection* collection_ = nullptr;  // null for a module that owns nothing
};

}  // namespace mann
