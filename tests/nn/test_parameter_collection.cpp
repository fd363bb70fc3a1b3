#include <doctest/doctest.h>

#include "framework/autodiff/errors.h"
#include "framework/nn/parameter_collection.h"

using namespace mann;

TEST_CASE("ParameterCollection: scoped names, lookup, creation order, count") {
  ParameterCollection pc(1);
  ParamScope model = pc.scope("model");
  Parameter& a = model.add("A", 3, 4, Init::glorot());
  Parameter& c = model.sub("hop2").add("C", 2, 5, Init::zeros());
  Parameter& b = model.sub("hop1").sub("lstm").add("b", Matrix::Ones(1, 8));
  CHECK(c.name == "model/hop2/C");
  CHECK(b.name == "model/hop1/lstm/b");
  CHECK(pc.find("model/hop2/C") == &c);
  CHECK(&pc.at("model/A") == &a);
  CHECK(&model.sub("hop2").get("C") == &c);
  CHECK(pc.find("model/nothing") == nullptr);
  CHECK_THROWS_WITH_AS(pc.at("model/nothing"), doctest::Contains("model/nothing"), UserError);
  CHECK(pc.names() == std::vector<std::string>{"model/A", "model/hop2/C", "model/hop1/lstm/b"});
  CHECK(pc.count() == 12 + 10 + 8);
  CHECK(pc.scope().sub("x").path("y") == "x/y");
}

TEST_CASE("ParameterCollection: duplicates and malformed names are rejected") {
  ParameterCollection pc;
  pc.scope("m").add("W", 2, 2, Init::zeros());
  CHECK_THROWS_WITH_AS(pc.scope("m").add("W", 2, 2, Init::zeros()), doctest::Contains("m/W"), UserError);
  CHECK_THROWS_AS(pc.add("", Matrix::Zero(1, 1)), UserError);
  CHECK_THROWS_AS(pc.add("a//b", Matrix::Zero(1, 1)), UserError);
  CHECK_THROWS_AS(pc.add("a/", Matrix::Zero(1, 1)), UserError);
  CHECK(pc.size() == 1);
}

TEST_CASE("ParameterCollection: addresses stay stable, zero_grad, trainable subset") {
  ParameterCollection pc;
  Parameter& first = pc.add("p0", Matrix::Ones(2, 2));
  for (int i = 1; i < 100; ++i) pc.add("p" + std::to_string(i), Matrix::Ones(1, 1));
  CHECK(&first == pc.parameters().front());
  CHECK(first.value == Matrix::Ones(2, 2));
  first.grad.setConstant(3.f);
  pc.zero_grad();
  CHECK(first.grad.isZero());
  pc.at("p5").trainable = false;
  CHECK(pc.trainable_parameters().size() == 99);
  CHECK(pc.trainable_count() == pc.count() - 1);
}

TEST_CASE("ParameterCollection: initialisation is reproducible from the seed") {
  ParameterCollection a(5), b(5);
  CHECK(a.add("W", 4, 4, Init::normal(0, 1)).value == b.add("W", 4, 4, Init::normal(0, 1)).value);
  Rng r1(9), r2(9);
  CHECK(a.scope("s").add("W", 3, 3, Init::glorot(), r1).value ==
        b.scope("s").add("W", 3, 3, Init::glorot(), r2).value);
}

TEST_CASE("ParameterCollection: buffers are saved state, required on load unless declared optional") {
  ParameterCollection pc;
  Parameter& required = pc.scope("model").add_buffer("memory0", Matrix::Ones(2, 3));
  Parameter& optional = pc.add_buffer("model/baseline/ema", Matrix::Zero(1, 2), "older checkpoints lack it");
  Parameter& weight = pc.add("model/W", Matrix::Zero(2, 2));
  CHECK_FALSE(required.trainable);
  CHECK(required.name == "model/memory0");
  CHECK(required.required_on_load());
  CHECK_FALSE(optional.required_on_load());
  CHECK(optional.optional_because == "older checkpoints lack it");
  CHECK(weight.required_on_load());
  CHECK(pc.trainable_parameters() == std::vector<Parameter*>{&weight});
  CHECK_THROWS_AS(pc.add_buffer("model/W", Matrix::Zero(1, 1)), UserError);
}
