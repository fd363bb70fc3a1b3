#include "datasets/reading/story_generator.h"

#include <set>
#include <string>
#include <utility>

#include "datasets/reading/entity_anonymiser.h"
#include "framework/autodiff/errors.h"

namespace mann {
namespace {

const std::vector<std::string> kPeople = {"mary", "john", "sandra", "daniel", "fred",  "julie", "bill",
                                          "jeff", "emma", "oliver", "grace",  "henry", "lucy",  "peter"};
const std::vector<std::string> kPlaces = {"paris", "lisbon", "oslo",  "cairo", "lima", "quito",
                                          "delhi", "tokyo",  "perth", "dakar", "riga", "sofia"};
const std::vector<std::string> kObjects = {"kettle", "bicycle", "violin", "lamp",  "kayak", "camera",
                                           "sofa",   "clock",   "guitar", "piano", "radio", "tent"};
const std::vector<std::string> kFirms = {"acme",  "globex",   "initech", "umbrella",
                                         "hooli", "vandelay", "stark"};

// A kind of fact: how the document says it, how the query asks it ("S" subject, "O" object, "?" the
// placeholder), and where its objects come from. The answer is always the fact's object: "met" is read one
// way ("mary met john" answers "mary had lunch with @placeholder", not john's question).
struct Relation {
  std::vector<std::string> statement;
  std::vector<std::string> question;
  const std::vector<std::string>* objects;
};

const std::vector<Relation>& relations() {
  static const std::vector<Relation> r = {
      {{"S", "lives", "in", "O"}, {"the", "home", "of", "S", "is", "?"}, &kPlaces},
      {{"S", "bought", "the", "O"}, {"S", "owns", "the", "?"}, &kObjects},
      {{"S", "works", "for", "O"}, {"S", "is", "employed", "by", "?"}, &kFirms},
      {{"S", "met", "O", "at", "noon"}, {"S", "had", "lunch", "with", "?"}, &kPeople}};
  return r;
}

const std::string& pick(const std::vector<std::string>& words, Rng& rng) {
  return words[static_cast<size_t>(rng.uniform_int(static_cast<int>(words.size())))];
}

std::vector<std::string> fill(const std::vector<std::string>& pattern, const std::string& subject,
                              const std::string& object) {
  std::vector<std::string> out;
  for (const std::string& w : pattern)
    out.push_back(w == "S" ? subject : w == "O" ? object : w == "?" ? kPlaceholder : w);
  return out;
}

int most_facts() {
  return static_cast<int>(kPeople.size() * relations().size());
}

}  // namespace

void check_story_options(const StoryGeneratorOptions& o) {
  if (o.min_facts < 1 || o.min_facts > o.max_facts || o.max_facts > most_facts())
    throw UserError(
        "story facts must satisfy 1 <= min_facts <= max_facts <= " + std::to_string(most_facts()) + " (got " +
        std::to_string(o.min_facts) + ".." + std::to_string(o.max_facts) + ")");
  if (!(o.filler_rate >= 0.f && o.filler_rate <= 1.f)) throw UserError("story filler_rate must be in [0, 1]");
}

ClozeText generate_story_cloze(const StoryGeneratorOptions& options, Rng& rng) {
  const int facts = options.min_facts + rng.uniform_int(options.max_facts - options.min_facts + 1);
  std::set<std::pair<std::string, size_t>> told;  // (person, relation): at most one fact each
  std::vector<std::string> document, query;
  std::string answer;
  const int asked = rng.uniform_int(facts);
  for (int f = 0; f < facts;) {
    const std::string& subject = pick(kPeople, rng);
    const size_t kind = static_cast<size_t>(rng.uniform_int(static_cast<int>(relations().size())));
    if (!told.emplace(subject, kind).second) continue;
    const Relation& relation = relations()[kind];
    std::string object = pick(*relation.objects, rng);
    while (object == subject) object = pick(*relation.objects, rng);
    for (const std::string& w : fill(relation.statement, subject, object)) document.push_back(w);
    document.push_back(".");
    if (f == asked) {
      query = fill(relation.question, subject, object);
      answer = object;
    }
    if (rng.bernoulli(options.filler_rate)) {
      const std::string& a = pick(kPlaces, rng);
      const std::string& b = pick(kPlaces, rng);
      for (const std::string& w :
           {a, std::string("is"), std::string("far"), std::string("from"), b, std::string(".")})
        document.push_back(w);
    }
    ++f;
  }
  std::set<std::string> entities(kPeople.begin(), kPeople.end());
  for (const auto* list : {&kPlaces, &kObjects, &kFirms}) entities.insert(list->begin(), list->end());
  return anonymise_entities(
      document, query, answer, [&](const std::string& w) { return entities.count(w) != 0; }, &rng);
}

}  // namespace mann
