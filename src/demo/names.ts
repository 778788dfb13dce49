/**
 * Made-up people for demo data: first names and surnames as they occur in the Netherlands,
 * combined at random, so no demo person is a real one.
 */
import type { Random } from './random.js';

const CHILD_NAMES = (
  'Adam, Amira, Anouk, Ayoub, Bram, Daan, Dex, Elif, Emma, Esmee, Fenna, Finn, Fleur, Hamza, ' +
  'Ilse, Imane, Jade, Jayden, Jesse, Julia, Kai, Lars, Lieke, Lina, Liam, Lotte, Luuk, Maud, ' +
  'Mees, Mila, Milan, Mohammed, Naomi, Noah, Noor, Olivia, Quinten, Rayan, Roos, Ruben, ' +
  'Saar, Sam, Sara, Sem, Senna, Sofie, Stijn, Tess, Thijs, Tim, Vera, Wout, Yara, Yusuf, ' +
  'Zoë'
).split(', ');

const ADULT_NAMES = (
  'Ahmed, Angelique, Anne, Annemiek, Bart, Bianca, Chantal, Dennis, Dewi, Esther, Fatima, ' +
  'Gerard, Hanneke, Hatice, Ingrid, Jeroen, Joyce, Karim, Kevin, Linda, Marco, Marieke, ' +
  'Mark, Mehmet, Monique, Nadia, Patrick, Priscilla, Ramon, Sandra, Sanne, Sharon, Sjoerd, ' +
  'Stefan, Tamara, Vincent, Wendy, Yvonne, Zeynep, Agnieszka, Tomasz, Rachid, Soraya, Erwin, ' +
  'Kim'
).split(', ');

const SURNAMES = (
  'de Vries, Jansen, van den Berg, Bakker, Visser, Smit, Meijer, de Boer, Mulder, de Groot, ' +
  'Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits, ' +
  'de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van Dijk, ' +
  'Schouten, Willems, Hoekstra, Koster, Prins, Postma, Kuipers, Veenstra, Wouters, ' +
  'Ploegmakers, Verhoeckx, Zwanenburg, El Amrani, El Idrissi, Bouzid, Yilmaz, Kaya, Demir, ' +
  'Öztürk, Nowak, Kowalski, Pinas, Lie A Fo, Ramdin, Tjon, Nguyen, Haile, Mohamed'
).split(', ');

/** A surname as it stands alone: "de Vries" becomes "De Vries" (Dutch spelling). */
export function standalone(surname: string): string {
  return surname.charAt(0).toUpperCase() + surname.slice(1);
}

export function surname(rng: Random): string {
  return rng.pick(SURNAMES);
}

export function childName(rng: Random, familyName: string): string {
  return `${rng.pick(CHILD_NAMES)} ${familyName}`;
}

export function adultName(rng: Random, familyName: string): string {
  return `${rng.pick(ADULT_NAMES)} ${familyName}`;
}
