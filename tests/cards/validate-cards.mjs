#!/usr/bin/env node
// Validates Adaptive Cards with the official JavaScript library (npm `adaptivecards`), targeting what Teams
// renders: schema 1.5, interactive, Action.Execute known.
//
//   node tests/cards/validate-cards.mjs cards.json      # or: ... < cards.json
//
// Input: a JSON array of {"name": "...", "card": {...}} (a single such object, or a bare card, is accepted too).
// Output (stdout): {"valid": bool, "cards": [{"name", "valid", "problems": [{"severity", "event", "phase", "message", "source"}]}]}
// Exit code: 0 when every card is free of errors and warnings, 1 when any card has one, 2 when the input is unusable.
//
// Problems come from three places: events logged while parsing (unknown element or action types, invalid or
// unsupported property values, properties newer than 1.5) and card.validateProperties() (missing version or
// type, unsupported version, inputs without id, choices without title/value, Action.OpenUrl without url, ...), and a
// check of the schema's required properties the library lets pass (TextBlock.text, Image.url, Fact.title, ...).
// The library's lib/ folder is ES modules with extensionless imports that Node cannot load, so the UMD bundle in
// dist/ is used; parsing and validation need no DOM.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const AC = require("adaptivecards/dist/adaptivecards.js");

const targetVersion = AC.Versions.v1_5;

// Teams-like host: interactive, up to 6 actions (Teams' limit). The rest keeps the library's defaults.
const hostConfig = new AC.HostConfig({
    supportsInteractivity: true,
    actions: { maxActions: 6 },
});

const warningEvents = new Set([
    AC.ValidationEvent.Hint,
    AC.ValidationEvent.Deprecated,
    AC.ValidationEvent.RequiredInputsShouldHaveLabel,
    AC.ValidationEvent.RequiredInputsShouldHaveErrorMessage,
]);

// Properties the Adaptive Card 1.5 schema marks required that the library accepts without complaint (it fills in
// defaults or renders nothing). The root card's version is required too: Teams refuses a card without one.
const requiredProperties = {
    "TextBlock": ["text"],
    "Image": ["url"],
    "ImageSet": ["images"],
    "Media": ["sources"],
    "RichTextBlock": ["inlines"],
    "TextRun": ["text"],
    "FactSet": ["facts"],
};

function isMissing(value) {
    return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

function schemaProblems(card) {
    const problems = [];
    const missing = (where, property) => problems.push({
        severity: "error",
        event: "PropertyCantBeNull",
        phase: "Schema",
        message: `Required property "${property}" is missing.`,
        source: where,
    });

    if (isMissing(card.version)) missing("AdaptiveCard", "version");

    const walk = (node) => {
        if (Array.isArray(node)) {
            node.forEach(walk);
            return;
        }
        if (node === null || typeof node !== "object") return;
        const type = typeof node.type === "string" ? node.type : undefined;
        const where = type && (typeof node.id === "string" && node.id ? `${type}#${node.id}` : type);
        for (const property of requiredProperties[type] ?? []) {
            if (isMissing(node[property])) missing(where, property);
        }
        if (type === "FactSet" && Array.isArray(node.facts)) {
            node.facts.forEach((fact, i) => {
                for (const property of ["title", "value"]) {
                    if (isMissing(fact?.[property])) missing(`${where}.facts[${i}]`, property);
                }
            });
        }
        for (const [key, value] of Object.entries(node)) {
            // data payloads are the bot's own JSON: a "type" in there is not a card element.
            if (key !== "data") walk(value);
        }
    };
    walk(card);
    return problems;
}

function describe(source) {
    if (!source || typeof source.getJsonTypeName !== "function") return undefined;
    const type = source.getJsonTypeName();
    const id = typeof source.id === "string" && source.id ? `#${source.id}` : "";
    return `${type}${id}`;
}

function toProblem(e) {
    return {
        severity: warningEvents.has(e.event) ? "warning" : "error",
        event: AC.ValidationEvent[e.event] ?? String(e.event),
        phase: AC.ValidationPhase[e.phase] ?? String(e.phase),
        message: e.message,
        source: describe(e.source),
    };
}

// Teams' people picker (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/people-picker) is an
// Input.ChoiceSet whose "choices.data" is a Data.Query of a graph.microsoft.com/users dataset, usually with no static
// choices: Teams fills it, in cards of any version. The library knows "choices.data" only from 1.6 on and wants a
// choice, so for these inputs (and only these two complaints) Teams, not the library, is the reference.
function peoplePickerIds(card) {
    const ids = new Set();
    const walk = (node) => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (node === null || typeof node !== "object") return;
        const data = node["choices.data"];
        if (node.type === "Input.ChoiceSet" && typeof node.id === "string" && data?.type === "Data.Query"
            && typeof data.dataset === "string" && data.dataset.startsWith("graph.microsoft.com/users")) {
            ids.add(`Input.ChoiceSet#${node.id}`);
        }
        for (const [key, value] of Object.entries(node)) if (key !== "data") walk(value);
    };
    walk(card);
    return ids;
}

function isPeoplePickerExtension(problem, pickers) {
    if (!pickers.has(problem.source)) return false;
    return (problem.event === "UnsupportedProperty" && problem.message.includes('"choices.data"'))
        || problem.event === "CollectionCantBeEmpty";
}

function validateCard(json) {
    if (json === null || typeof json !== "object" || Array.isArray(json)) {
        return [{ severity: "error", event: "MissingCardType", phase: "Parse", message: "The card is not a JSON object." }];
    }

    const card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.maxVersion = targetVersion;
    const context = new AC.SerializationContext(targetVersion);
    card.parse(json, context);

    const problems = [];
    for (let i = 0; i < context.eventCount; i++) {
        problems.push(toProblem(context.getEventAt(i)));
    }
    for (const e of card.validateProperties().validationEvents) {
        problems.push(toProblem(e));
    }
    problems.push(...schemaProblems(json));
    const pickers = peoplePickerIds(json);
    return problems.filter(p => !isPeoplePickerExtension(p, pickers));
}

function normalise(input) {
    const items = Array.isArray(input) ? input : [input];
    return items.map((item, i) =>
        item && typeof item === "object" && "card" in item
            ? { name: String(item.name ?? `card ${i}`), card: item.card }
            : { name: `card ${i}`, card: item });
}

function main() {
    const file = process.argv[2];
    let input;
    try {
        input = JSON.parse(readFileSync(file && file !== "-" ? file : 0, "utf8"));
    } catch (e) {
        process.stderr.write(`validate-cards: cannot read the cards: ${e.message}\n`);
        process.exit(2);
    }

    const cards = normalise(input).map(({ name, card }) => {
        const problems = validateCard(card);
        return { name, valid: problems.length === 0, problems };
    });
    const valid = cards.every(c => c.valid);
    process.stdout.write(JSON.stringify({ valid, cards }, null, 2) + "\n");
    process.exit(valid ? 0 : 1);
}

main();
