// Parses each card with the official adaptivecards library targeting 1.5 and reports every parse event.
// Usage: node check-cards.js <cards.json> (a JSON array of {name, card}); prints a JSON array of {name, events}.
const fs = require('fs');
const path = require('path');
const modules = process.env.JOURNEYBOT_NODE_MODULES;
const AC = require(path.join(modules, 'adaptivecards', 'dist', 'adaptivecards.js'));

const allowed = JSON.parse(process.env.JOURNEYBOT_ALLOWED_NOTES || '[]');

const cards = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = cards.map(({ name, card }) => {
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    // Notes the project allows on purpose (CardRules.AllowedParserNotes: the Teams people picker).
    if (allowed.includes(e.message)) continue;
    events.push(`${e.phase === 0 ? 'parse' : 'serialize'} ${e.event}: ${e.message}`);
  }
  // Elements the library silently dropped would also mean the card is not what we built.
  const roundTrip = parsed.toJSON(context);
  return { name, events, bodyCount: (roundTrip.body || []).length, actionCount: (roundTrip.actions || []).length };
});
process.stdout.write(JSON.stringify(results));
