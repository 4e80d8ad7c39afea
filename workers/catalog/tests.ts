/**
 * Seed catalog of typing tests for Typogram.
 *
 * Every text in this file was written for Typogram and is original: no quotations,
 * lyrics, book excerpts or stock pangrams. Each `content` is a single line with plain
 * single spaces; English texts are plain ASCII.
 */

/** One typing test of the seeded catalog. `slug` is its stable identity (the seed upserts by slug). */
export interface CatalogTest {
  slug: string; // kebab-case, unique, e.g. "common-words-starter"
  title: string;
  category: "common-words" | "quotes" | "programming" | "numbers-symbols" | "long-form" | "punctuation";
  difficulty: "easy" | "medium" | "hard";
  language: string; // BCP-47 short code: "en", "es", "de"
  durationSeconds: number; // suggested time limit: 30, 60, 120 or 300
  content: string; // the exact text to type
}

export const CATALOG_TESTS: readonly CatalogTest[] = [
  // ---------------------------------------------------------------- common-words
  {
    slug: "common-words-starter",
    title: "Common Words: Starter",
    category: "common-words",
    difficulty: "easy",
    language: "en",
    durationSeconds: 30,
    content:
      "the day was long and the work was slow but we kept going because there was still time to make it right before the sun went down and the light was gone from the room",
  },
  {
    slug: "common-words-weekend",
    title: "Common Words: Weekend",
    category: "common-words",
    difficulty: "easy",
    language: "en",
    durationSeconds: 30,
    content:
      "we walked to the store after lunch to buy some bread and milk and then sat by the river for a while to talk about the plans we had for next week and the people we want to see",
  },
  {
    slug: "common-words-small-habits",
    title: "Common Words: Small Habits",
    category: "common-words",
    difficulty: "medium",
    language: "en",
    durationSeconds: 60,
    content:
      "Most people think about the next thing before they finish the first one. It is easy to start a new idea, but much harder to keep working on it when the early excitement fades. A small habit, done every day, often matters more than a big plan that never leaves the page. Try to write down one thing you learned each evening.",
  },
  {
    slug: "common-words-advanced-vocabulary",
    title: "Common Words: Advanced Vocabulary",
    category: "common-words",
    difficulty: "hard",
    language: "en",
    durationSeconds: 120,
    content:
      "Consistent practice gradually transforms deliberate movements into automatic responses, although the transition rarely feels noticeable while it is happening. Experienced typists describe a peculiar moment when their fingers seem to anticipate entire phrases rather than individual letters. Researchers attribute this phenomenon to chunking, a process through which the brain groups frequently encountered sequences into single retrievable units. Consequently, vocabulary breadth, rhythm, and accuracy influence overall speed far more than raw finger velocity, and occasional deliberate slowdowns can paradoxically accelerate long-term improvement.",
  },
  {
    slug: "palabras-comunes-manana",
    title: "Palabras comunes: La mañana",
    category: "common-words",
    difficulty: "easy",
    language: "es",
    durationSeconds: 30,
    content:
      "el sol sale temprano en la ciudad y la gente camina despacio hacia el trabajo mientras los niños van a la escuela con sus mochilas y el café de la esquina abre sus puertas para todos",
  },
  {
    slug: "alltagswoerter-wochenende",
    title: "Alltagswörter: Ein ruhiger Tag",
    category: "common-words",
    difficulty: "medium",
    language: "de",
    durationSeconds: 60,
    content:
      "Heute Morgen war das Wetter schön, also bin ich mit dem Fahrrad zur Arbeit gefahren. Auf dem Weg habe ich einen alten Freund getroffen, und wir haben kurz über unsere Pläne für das Wochenende gesprochen. Am Abend koche ich eine Suppe, lese noch ein paar Seiten und gehe früh ins Bett.",
  },

  // ---------------------------------------------------------------- quotes
  {
    slug: "quote-open-door",
    title: "The Open Door",
    category: "quotes",
    difficulty: "easy",
    language: "en",
    durationSeconds: 30,
    content:
      "A door left open lets in more than wind. Leave room in your day for something you did not plan, and you may find it was the part you remember most.",
  },
  {
    slug: "quote-patient-gardener",
    title: "The Patient Gardener",
    category: "quotes",
    difficulty: "medium",
    language: "en",
    durationSeconds: 60,
    content:
      "Patience is not the same as waiting. Waiting is what happens to you; patience is what you do with it. The gardener who checks the soil each morning is not idle, and the seed that seems asleep is busy underground. Progress often hides in places we are not yet able to see.",
  },
  {
    slug: "quote-small-rooms",
    title: "Small Rooms",
    category: "quotes",
    difficulty: "medium",
    language: "en",
    durationSeconds: 60,
    content:
      "We tend to measure a life by its loud moments: the promotions, the weddings, the long journeys. Yet most of who we become is shaped in quiet hours, over ordinary tables, in conversations nobody thought to remember. Pay attention to the small rooms; that is where the real furniture of a life is kept.",
  },
  {
    slug: "quote-comfortable-chair",
    title: "The Comfortable Chair",
    category: "quotes",
    difficulty: "hard",
    language: "en",
    durationSeconds: 120,
    content:
      "Certainty is a comfortable chair that slowly becomes a cage. The person who cannot imagine being wrong has quietly stopped learning, however impressive their vocabulary or credentials may appear. Intellectual courage is rarely dramatic; more often it resembles a modest willingness to say, 'I had not considered that,' and then to sit with the discomfort long enough for understanding to arrive. Curiosity, not confidence, is the better companion on unfamiliar roads, because curiosity keeps asking directions while confidence insists it already knows the way.",
  },
  {
    slug: "cita-aprender-a-nadar",
    title: "Aprender a nadar",
    category: "quotes",
    difficulty: "medium",
    language: "es",
    durationSeconds: 60,
    content:
      "Nadie aprende a nadar mirando el agua desde la orilla. Hay que mojarse, tragar un poco de miedo y aceptar que los primeros movimientos serán torpes. Con el tiempo, el cuerpo recuerda lo que la mente todavía duda, y un día descubres que el mar ya no te parece tan grande.",
  },
  {
    slug: "zitat-ungesendeter-brief",
    title: "Der ungesendete Brief",
    category: "quotes",
    difficulty: "medium",
    language: "de",
    durationSeconds: 60,
    content:
      "Ein Brief, den man nie abschickt, ist trotzdem nicht umsonst geschrieben. Manchmal muss man Gedanken nur einmal sauber ordnen, um zu merken, was man wirklich meint. Das Papier hört geduldig zu, widerspricht nicht und verlangt keine Antwort. Erst danach weiß man, ob es überhaupt etwas zu sagen gibt.",
  },

  // ---------------------------------------------------------------- programming
  {
    slug: "code-typescript-basics",
    title: "TypeScript Basics",
    category: "programming",
    difficulty: "easy",
    language: "en",
    durationSeconds: 60,
    content:
      "const names = users.filter((u) => u.active).map((u) => u.name); console.log(`Active: ${names.length}`); export function greet(name: string): string { return `Hello, ${name}!`; }",
  },
  {
    slug: "code-python-word-count",
    title: "Python Word Count",
    category: "programming",
    difficulty: "medium",
    language: "en",
    durationSeconds: 60,
    content:
      "def top_words(text: str, n: int = 10) -> list[tuple[str, int]]: counts: dict[str, int] = {} for word in text.lower().split(): word = word.strip(\".,!?\") counts[word] = counts.get(word, 0) + 1 return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]",
  },
  {
    slug: "code-sql-leaderboard",
    title: "SQL Leaderboard Query",
    category: "programming",
    difficulty: "medium",
    language: "en",
    durationSeconds: 60,
    content:
      "SELECT u.id, u.name, COUNT(r.id) AS runs, ROUND(AVG(r.wpm), 1) AS avg_wpm FROM users u LEFT JOIN results r ON r.user_id = u.id WHERE r.created_at >= '2024-01-01' GROUP BY u.id, u.name HAVING COUNT(r.id) > 5 ORDER BY avg_wpm DESC LIMIT 20;",
  },
  {
    slug: "code-rust-iterators",
    title: "Rust Iterators and Lifetimes",
    category: "programming",
    difficulty: "hard",
    language: "en",
    durationSeconds: 120,
    content:
      "fn parse_pairs(input: &str) -> Result<Vec<(String, u32)>, ParseIntError> { input.lines().filter(|l| !l.trim().is_empty()).map(|l| { let (k, v) = l.split_once('=').unwrap_or((l, \"0\")); Ok((k.trim().to_owned(), v.trim().parse::<u32>()?)) }).collect::<Result<Vec<_>, _>>() } impl<'a> Iterator for Tokens<'a> { type Item = &'a str; fn next(&mut self) -> Option<Self::Item> { self.inner.next() } }",
  },
  {
    slug: "code-shell-backup",
    title: "Shell Backup One-Liners",
    category: "programming",
    difficulty: "hard",
    language: "en",
    durationSeconds: 120,
    content:
      "find ./logs -type f -name '*.log' -mtime +7 -print0 | xargs -0 gzip -9 && tar -czf \"backup-$(date +%Y%m%d).tar.gz\" ./logs/*.gz 2>/dev/null || echo \"[error] backup failed: $?\" >&2; for f in $(ls -1 ~/src | grep -vE '^(tmp|cache)$'); do [ -d \"$f/.git\" ] && git -C \"$f\" pull --rebase --quiet; done; export PATH=\"$HOME/.local/bin:${PATH}\"",
  },

  // ---------------------------------------------------------------- numbers-symbols
  {
    slug: "numbers-everyday",
    title: "Everyday Numbers",
    category: "numbers-symbols",
    difficulty: "easy",
    language: "en",
    durationSeconds: 60,
    content:
      "Call 555-0142 before 9:30 on Monday. The ticket costs $25 and parking is $8, so bring $33 in total. Room 214 is on the 2nd floor, next to rooms 212 and 216.",
  },
  {
    slug: "numbers-order-receipt",
    title: "Order Receipt",
    category: "numbers-symbols",
    difficulty: "medium",
    language: "en",
    durationSeconds: 60,
    content:
      "Order #48213 shipped on 2024-03-17 at 14:05. Subtotal: $129.99 + tax (8.25%) = $140.71. Use code SAVE15 for 15% off your next order. Questions? Write to support@example.com or call +1 (555) 013-4477, ext. 209. Tracking: TRK-7730-5521-QX.",
  },
  {
    slug: "numbers-quick-math",
    title: "Quick Math",
    category: "numbers-symbols",
    difficulty: "medium",
    language: "en",
    durationSeconds: 60,
    content:
      "If x = 12 and y = 7, then x + y = 19, x - y = 5, x * y = 84 and x / 4 = 3. The area of a 6 m by 9 m room is 54 m^2; at $4.50 per square meter, painting costs $243. A ratio of 3:4 equals 75%, and 2^10 = 1024.",
  },
  {
    slug: "numbers-config-dump",
    title: "Config Dump",
    category: "numbers-symbols",
    difficulty: "hard",
    language: "en",
    durationSeconds: 120,
    content:
      "cfg[\"retry\"] = {max: 5, backoff: 2^n * 100ms}; if (load >= 87.5% && temp < 65.3) { scale(+3); } else { scale(-1); } // path: C:\\data\\2024\\q3\\report_v2.csv | hash: 9f3a~b7c1^e204 | <id=0x7F4A> [tag:#ops] & (owner: ops-team@corp.example) ~ 3/8 + 5/16 = 11/16; 1,048,576 bytes = 2^20; |-42| = 42; 7! = 5040; 45% of 360 = 162",
  },
  {
    slug: "numbers-invoice-details",
    title: "Invoice Details",
    category: "numbers-symbols",
    difficulty: "hard",
    language: "en",
    durationSeconds: 120,
    content:
      "Invoice INV-2024/0917: 3 x $19.95 = $59.85; 12 x $4.20 = $50.40; shipping $7.50; total $117.75 (-10% promo = $105.98). Pay by 09/30/2024 to acct #0042-7781-3390; ref: {client_id: 5521, region: \"EU\"}. Rates: 1 EUR ~ 1.08 USD; 100 JPY ~ 0.67 USD. Password rule: >= 12 chars, [A-Z] + [a-z] + [0-9] + one of !@#$%^&*. Contact: billing+eu@ledger-co.example | (555) 880-1234.",
  },

  // ---------------------------------------------------------------- long-form
  {
    slug: "long-form-walk-by-the-lake",
    title: "A Walk by the Lake",
    category: "long-form",
    difficulty: "easy",
    language: "en",
    durationSeconds: 300,
    content:
      "Every Saturday morning, Mia walks to the lake near her house. She brings a small bag with bread, water, and a notebook. The path is quiet at that hour, and the only sounds come from birds in the tall grass and the soft steps of her shoes on the dirt. When she reaches the old wooden bench, she sits down and looks at the water for a while. Some days the lake is calm and flat like glass. Other days the wind pushes small waves against the rocks. Mia likes both kinds of days. She opens her notebook and writes down three things she noticed during the week. Sometimes they are big things, like a new job for her brother. Most of the time they are small things, like the smell of rain on a warm street or a kind word from a stranger at the bus stop. After she finishes writing, she shares a little bread with the ducks, who always seem to know exactly when she arrives. Then she walks home slowly, feeling ready for the week ahead.",
  },
  {
    slug: "long-form-repair-shop",
    title: "The Repair Shop",
    category: "long-form",
    difficulty: "medium",
    language: "en",
    durationSeconds: 300,
    content:
      "On the corner of a narrow street there is a repair shop that has outlived three bakeries, two phone stores, and a restaurant that nobody can quite remember. The owner, a patient man in his sixties, fixes almost anything that can be carried through the door: radios, lamps, bicycles, sewing machines, and the occasional stubborn umbrella. His customers rarely leave with just a repaired object. They leave with an explanation of what went wrong, why it happened, and how to keep it from happening again. Some people find this frustrating at first, because they expected a quick transaction. Over time, however, most of them begin to look forward to the conversation. Younger visitors are often surprised that a broken toaster can be opened at all, let alone understood. He shows them the heating wires, the small spring that releases the bread, and the worn contact that stopped working after years of faithful service. The lesson is not really about toasters. It is about the idea that the things around us are made by people, follow rules, and can be understood with enough attention. In a world that encourages us to replace rather than repair, the little shop feels almost rebellious. It reminds everyone who enters that care, curiosity, and a good screwdriver can still extend the life of many ordinary things.",
  },
  {
    slug: "long-form-notes-on-attention",
    title: "Notes on Attention",
    category: "long-form",
    difficulty: "hard",
    language: "en",
    durationSeconds: 300,
    content:
      "Attention is frequently described as a resource, something we spend, allocate, or squander, yet the economic metaphor obscures as much as it reveals. Unlike money, attention cannot be saved for later; an hour of unfocused drifting is not deposited anywhere, waiting to be withdrawn during a more demanding afternoon. Its peculiar character becomes obvious whenever we attempt a genuinely difficult task. Initially, the mind resists, generating a persistent stream of distractions: an unanswered message, an errand half remembered, a sudden conviction that the desk requires reorganizing. Psychologists sometimes interpret this resistance as evidence of weakness, but it may equally be understood as a transitional phase, a period during which the brain reluctantly disengages from habitual patterns and assembles the unfamiliar scaffolding required by the new problem. Those who persevere through this uncomfortable interval often report a qualitatively different state, characterized by absorption, diminished self-consciousness, and an altered perception of time. Importantly, this state is not produced by willpower alone. Environmental conditions, such as predictable routines, minimal interruptions, and clearly defined objectives, substantially increase its likelihood. Consequently, protecting attention resembles gardening more than accounting: one cannot command concentration to appear, but one can cultivate circumstances in which it is more likely to flourish. Perhaps the most practical conclusion is also the least glamorous. Instead of searching for extraordinary techniques, we might simply remove the small, recurring obstacles that fragment our days, and then allow sustained focus to develop at its own deliberate pace.",
  },
  {
    slug: "texto-largo-mercado-del-sabado",
    title: "El mercado del sábado",
    category: "long-form",
    difficulty: "medium",
    language: "es",
    durationSeconds: 300,
    content:
      "Cada sábado, el mercado del barrio se llena de colores, voces y olores que cambian con las estaciones. En primavera llegan las fresas y los espárragos; en verano, los tomates maduros y los melocotones que manchan los dedos; en otoño, las setas, las castañas y las calabazas enormes que nadie sabe muy bien cómo cocinar. Doña Elena vende verduras en el mismo puesto desde hace más de treinta años. Conoce a casi todos sus clientes por su nombre y recuerda qué compraron la semana anterior. A veces aconseja una receta, otras veces pregunta por un hijo que se fue a estudiar a otra ciudad. Para muchos vecinos, la visita al mercado no es solo una tarea, sino una pequeña costumbre que da forma a la semana. Los niños corren entre las cajas de fruta, los mayores se detienen a conversar junto a la panadería y alguien siempre discute, con una sonrisa, sobre el precio de las naranjas. Cuando el sol empieza a calentar y los puestos se vacían poco a poco, la plaza recupera su silencio habitual. Sin embargo, algo de esa energía se queda en el aire, como una promesa de que el próximo sábado todo volverá a empezar.",
  },
  {
    slug: "langtext-der-nachtzug",
    title: "Der Nachtzug",
    category: "long-form",
    difficulty: "medium",
    language: "de",
    durationSeconds: 300,
    content:
      "Der Nachtzug verlässt den Bahnhof kurz nach zehn Uhr, wenn die meisten Geschäfte in der Stadt bereits geschlossen sind. Im Abteil riecht es nach frisch gewaschener Bettwäsche und ein wenig nach Kaffee, den jemand im Gang verschüttet hat. Die Reisenden sind sehr unterschiedlich: eine Studentin mit einem schweren Rucksack, ein älteres Ehepaar, das jedes Jahr dieselbe Strecke fährt, und ein Geschäftsmann, der noch lange auf seinen Laptop starrt. Draußen ziehen die Lichter kleiner Dörfer vorbei, dann wird es dunkel, und nur das gleichmäßige Rattern der Räder bleibt. Manche schlafen sofort ein, andere liegen wach und denken über den vergangenen Tag nach. Gegen Mitternacht klopft der Schaffner leise an die Tür und fragt, ob alles in Ordnung sei. Er bringt Wasser und erklärt, wann das Frühstück serviert wird. In den frühen Morgenstunden hält der Zug an einem fast leeren Bahnsteig, und für einen Moment scheint die ganze Welt stillzustehen. Wenn schließlich die Sonne über den Feldern aufgeht, sind die Reisenden an einem neuen Ort angekommen, ohne dass sie den Weg wirklich gesehen haben. Vielleicht ist genau das der Reiz einer solchen Fahrt: Man schläft in einer Stadt ein und wacht in einer anderen auf.",
  },

  // ---------------------------------------------------------------- punctuation
  {
    slug: "punctuation-quick-checks",
    title: "Quick Checks",
    category: "punctuation",
    difficulty: "easy",
    language: "en",
    durationSeconds: 30,
    content:
      "Wait, is that your bag? Yes, it's mine. I'll take it home now; thanks for asking! Don't forget the keys, the map, and the snacks, okay? We leave at noon.",
  },
  {
    slug: "punctuation-kitchen-debate",
    title: "Kitchen Debate",
    category: "punctuation",
    difficulty: "medium",
    language: "en",
    durationSeconds: 60,
    content:
      "\"Who left the oven on?\" asked Sam, half-laughing, half-annoyed. Nobody answered; the kitchen went quiet. Then Priya said, \"Well, it wasn't me (I was at the gym all morning), but I'll admit the cookies smell great!\" Sam sighed: \"Fine, but next time, please, set a timer.\" Everyone nodded, though nobody quite believed it.",
  },
  {
    slug: "punctuation-meeting-notes",
    title: "Meeting Notes",
    category: "punctuation",
    difficulty: "medium",
    language: "en",
    durationSeconds: 60,
    content:
      "Agenda: budget, hiring, and the new office. First, the budget: it's tight, but not impossible; we'll trim travel (again) and delay the rebrand. Second, hiring: two roles are open, a designer and a part-time analyst. Questions? Lots! Where will they sit? Who'll train them? And, most importantly, who's bringing coffee on Friday?",
  },
  {
    slug: "punctuation-editors-margin",
    title: "The Editor's Margin",
    category: "punctuation",
    difficulty: "hard",
    language: "en",
    durationSeconds: 120,
    content:
      "The editor's note was brief, almost curt: \"Cut the second paragraph; it repeats the first.\" But was it really repetition, or was it emphasis? The writer wasn't sure. She re-read both versions (three times, then a fourth) and jotted in the margin: 'Tone: too formal? Too chatty?' Her colleague's advice, delivered over a lukewarm, half-finished coffee, didn't help much: \"Trust your gut; then, if that fails, trust mine!\" Still, by midnight, the draft was tighter, clearer, and, she had to admit, better. Would she tell him? Probably not; well, maybe, eventually.",
  },
  {
    slug: "punctuation-trailhead-rules",
    title: "Trailhead Rules",
    category: "punctuation",
    difficulty: "hard",
    language: "en",
    durationSeconds: 120,
    content:
      "Is the trail open? Yes, mostly; the north loop (closed since March) reopens on the 1st. The rules, in short: stay on marked paths, pack out what you pack in, and don't feed the wildlife, no matter how 'friendly' the jays seem. Dogs? Allowed, on leashes. Bikes? Only on the east route, Tuesday-Saturday. Fires? Absolutely not! The ranger's last word, posted on the gate, is blunt: \"If you're unsure, ask first; apologies don't regrow forests.\"",
  },
];
