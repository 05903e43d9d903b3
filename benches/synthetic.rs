//! A generator of synthetic news-like text for the large benchmark sizes: sentences built from
//! templates with names (accented and not), organizations, prisons, places, quotes in straight
//! and curly marks, possessives, dashes and numbers. Deterministic: the same size gives the same
//! bytes. The names are a mix of invented people and real places and organizations.

/// A small deterministic pseudo-random generator (64-bit LCG), so the corpus never changes.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

const PEOPLE: &[&str] = &[
    "José Daniel Ferrer García",
    "Ana Belkis Ferrer",
    "María Elvira Salazar",
    "Rogelio Valdés",
    "Nelva Ortega",
    "Tomás Ibáñez",
    "Lucía Herrera Soto",
    "John Okafor",
    "Mei Lin Zhou",
    "Dmitri Sokolov",
    "Aisha Rahman",
    "Pierre Lefèvre",
    "Björn Åkesson",
    "Zeynep Yılmaz",
    "Carlos Mendoza",
    "Sarah O’Neill",
];
const SURNAMES: &[&str] =
    &["Ferrer", "Salazar", "Valdés", "Ortega", "Ibáñez", "Okafor", "Sokolov", "Rahman", "Lefèvre"];
const ROLES: &[&str] = &["spokesman", "director", "lawyer", "sister", "president", "activist", "minister"];
const ORGS: &[&str] = &[
    "Amnesty International",
    "Human Rights Watch",
    "the Patriotic Union of Cuba",
    "the Catholic Church",
    "the United Nations",
    "Reuters",
    "the Ministry of the Interior",
    "the European Union",
];
const PRISONS: &[&str] = &["Mar Verde prison", "Evin Prison", "Combinado del Este", "Kilo 8 prison", "Belmarsh"];
const PLACES: &[&str] =
    &["Havana", "Santiago de Cuba", "Madrid", "Tehran", "Moscow", "São Paulo", "Washington", "Gaza"];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const CLAUSES: &[&str] = &[
    "the talks had failed",
    "the prisoners were on hunger strike",
    "no charges had been filed",
    "the government would not negotiate",
    "the family had not been allowed to visit",
    "conditions in the cells were inhumane",
    "the release could come within weeks",
];
const SAYINGS: &[&str] = &[
    "We will not stop until every political prisoner is free",
    "This is psychological torture",
    "They have taken everything from us — but not our dignity",
    "The regime is using him as a bargaining chip",
    "I am ready to die, but not to live without honour",
    "Nobody has told us anything for weeks",
];

/// About `size` bytes of news-like text: paragraphs of two to five sentences, one a line.
pub fn news(size: usize, seed: u64) -> String {
    let mut rng = Lcg(seed);
    let mut out = String::with_capacity(size + 512);
    while out.len() < size {
        let sentences = 2 + rng.next() % 4;
        for s in 0..sentences {
            if s > 0 {
                out.push(' ');
            }
            let person = rng.pick(PEOPLE);
            match rng.next() % 7 {
                0 => out.push_str(&format!(
                    "{person}, {} of {}, said on {} that {}.",
                    rng.pick(ROLES),
                    rng.pick(ORGS),
                    rng.pick(DAYS),
                    rng.pick(CLAUSES)
                )),
                1 => out.push_str(&format!("“{},” {} told {}.", rng.pick(SAYINGS), rng.pick(SURNAMES), rng.pick(ORGS))),
                2 => out.push_str(&format!(
                    "{} has been held in {} in {} since {}.",
                    rng.pick(SURNAMES),
                    rng.pick(PRISONS),
                    rng.pick(PLACES),
                    1990 + rng.next() % 35
                )),
                3 => out.push_str(&format!(
                    "In a letter, {person} denounced that the authorities \"{}.\"",
                    rng.pick(SAYINGS).to_lowercase()
                )),
                4 => out.push_str(&format!(
                    "{}’s family said {} officials in {} had refused to comment.",
                    rng.pick(SURNAMES),
                    rng.pick(ORGS),
                    rng.pick(PLACES)
                )),
                5 => out.push_str(&format!("“{},” added the {}.", rng.pick(SAYINGS), rng.pick(ROLES))),
                _ => out.push_str(&format!(
                    "The case drew criticism from {} and {}, which called it a “{}.”",
                    rng.pick(ORGS),
                    rng.pick(ORGS),
                    rng.pick(&["farce", "show trial", "disgrace"])
                )),
            }
        }
        out.push('\n');
    }
    out
}
