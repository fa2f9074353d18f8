"""Deterministic benchmark corpora in fi, is, nb and en, with their own vocabulary.

Every line is one support sentence and every line is different. About 40 %
are negative statements of several shapes (out of stock, delay, limits,
can't, don't know, must, closed); the rest are neutral or positive support
sentences. Some lines carry placeholders ({{ticket.id}}, %s, <b>..</b>), names,
order numbers, amounts and links. The word lists below were written for this
script (not taken from phrasebanks/), so the benchmark measures text the banks
were not written against.

    python scripts/gen_corpus.py lines --lang fi --lines 10000 --seed 1 > fi.txt
    python scripts/gen_corpus.py lines --lang en --lines 1000 --labels      # "neg<TAB>text" / "pos<TAB>text"
    python scripts/gen_corpus.py zendesk --macros 20000 --seed 1 > macros.json   # a Zendesk-style export, all four languages
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable

LANGS = ("fi", "is", "nb", "en")
NEGATIVE_SHARE = 0.4
KINDS = ("stock", "delay", "limits", "cant", "dont_know", "must", "closed")

# ---------------------------------------------------------------------------
# Shared fillers: order references, amounts, links
# ---------------------------------------------------------------------------


def _order(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        return f"#{rng.randint(10000, 999999)}"
    if r < 0.7:
        return "{{ticket.id}}"
    if r < 0.8:
        return "%s"
    return f"{rng.choice('ABCKMRTX')}{rng.choice('BEHLNSW')}-{rng.randint(1000, 99999)}"


def _url(rng: random.Random) -> str:
    host = rng.choice(["track.example.com", "www.example.org/parcel", "help.example.net/orders"])
    return f"https://{host}/{rng.randint(100000, 9999999)}"


def _bold(rng: random.Random, text: str) -> str:
    return f"<b>{text}</b>" if rng.random() < 0.1 else text


def _pick(rng: random.Random, names: list[str]) -> str:
    return "{{ticket.requester.first_name}}" if rng.random() < 0.2 else rng.choice(names)


# ---------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------

EN = {
    "products": ["jacket", "mug", "backpack", "scarf", "kettle", "rug", "cushion", "bike helmet", "umbrella",
                 "wallet", "blanket", "teapot", "watch strap", "desk chair", "bookshelf", "water bottle", "raincoat",
                 "skirt", "sweater", "hoodie", "pillowcase", "frying pan", "cutting board", "yoga mat", "tote bag",
                 "phone case", "bed frame", "curtain", "duvet cover", "baking tray", "wine glass", "candle holder",
                 "plant pot", "coffee grinder", "toaster", "floor fan", "beanie", "laptop sleeve"],
    "colours": ["red", "navy", "black", "white", "grey", "green", "mustard", "olive", "beige", "brown", "pink",
                "teal", "charcoal", "cream", "burgundy", "sand", "lilac", "orange"],
    "sizes": ["large", "small", "new", "light", "soft", "long", "short", "classic"],
    "weekdays": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"],
    "places": ["Greenland", "the Faroe Islands", "Iceland", "Switzerland", "Canada", "Japan", "Cyprus",
               "Malta", "the Shetland Islands", "Gibraltar", "Andorra", "Jersey"],
    "cities": ["Leeds", "Bristol", "Glasgow", "Cardiff", "York", "Brighton", "Norwich", "Belfast", "Oxford",
               "Bath", "Dundee", "Exeter"],
    "reasons": ["a strike at the port", "a snowstorm", "a warehouse move", "stocktaking", "the holiday rush",
                "a system update", "flooding on the motorway", "a customs check"],
    "names": ["Alice", "Ben", "Chloe", "Daniel", "Emma", "Finn", "Grace", "Harry", "Isla", "Jack", "Lucy", "Oscar"],
}


def _en_item(rng: random.Random) -> dict[str, str]:
    words = [rng.choice(EN["colours"]), rng.choice(EN["products"])]
    if rng.random() < 0.4:
        words.insert(0, rng.choice(EN["sizes"]))
    phrase = _bold(rng, " ".join(words))
    return {"item": f"the {phrase}"}


def _en_amount(rng: random.Random) -> str:
    return rng.choice([f"€{rng.randint(5, 400)}.{rng.randint(0, 99):02d}", f"£{rng.randint(5, 400)}",
                       f"${rng.randint(5, 400)}.{rng.randint(0, 99):02d}"])


EN_NEGATIVE = {
    "stock": [
        "Unfortunately {item} is out of stock at the moment.",
        "{item} is currently sold out.",
        "We don't have {item} in stock right now.",
        "I'm sorry, but {item} is no longer available.",
        "{item} won't be back in stock until {month}.",
        "Sadly we've run out of {item} in every store.",
    ],
    "delay": [
        "Your order {order} has been delayed by {n} days.",
        "{item} will not arrive before {weekday}.",
        "Delivery of {item} is running {n} days late because of {reason}.",
        "We can't ship {item} until next week.",
        "Your parcel is stuck because of {reason}.",
    ],
    "limits": [
        "We don't deliver to {place}.",
        "You can only return {item} within {n} days.",
        "We can't send more than {n} items in one order.",
        "Parcels to {place} may not weigh more than {n} kg.",
        "Only one discount code can be used per order.",
    ],
    "cant": [
        "I can't change the delivery address for order {order}.",
        "We cannot refund {item} after {n} days.",
        "We are unable to exchange {item} for another colour.",
        "I'm not able to cancel order {order} once it has shipped.",
        "There is nothing I can do about the delay on {item}.",
    ],
    "dont_know": [
        "I don't know when {item} will be back.",
        "I have no idea where the parcel for {name} is right now.",
        "We don't know yet whether {item} can be repaired.",
        "I'm not sure when order {order} will leave the warehouse.",
    ],
    "must": [
        "You must send us a photo of {item} first.",
        "You have to fill in the return form before we can exchange {item}.",
        "You need to contact the courier yourself about order {order}.",
        "You must return {item} in its original packaging.",
    ],
    "closed": [
        "Our {city} store is closed on {weekday}.",
        "The support line is closed until {weekday} morning.",
        "Our warehouse in {city} is closed for stocktaking this week.",
        "The {city} pick-up point is closed for the holidays.",
    ],
}

EN_POSITIVE = [
    "Thanks for getting in touch about {item}.",
    "I've sent the tracking link for order {order} to your e-mail.",
    "{item} is back in stock and ready to ship.",
    "Your refund of {amount} has been processed.",
    "I have booked a courier to collect {item} on {weekday}.",
    "Hi {name}, thank you for your patience!",
    "Here is the <b>care guide</b> for {item}.",
    "Happy to help if you have more questions about {item}.",
    "Our {city} store opens at {hour} on {weekday}.",
    "You can follow your parcel at {url}.",
    "Hi %s, {item} was dispatched today.",
    "I've added a discount code to your account for {item}.",
    "Let me know which size of {item} suits you best.",
    "Your ticket {order} has been updated.",
    "I'll check {item} with our warehouse team today.",
    "Great news, {name}: {item} arrived at our {city} store this morning.",
    "We have reserved {item} for you until {weekday}.",
]


def _en(rng: random.Random, kind: str | None) -> str:
    frame = rng.choice(EN_NEGATIVE[kind]) if kind else rng.choice(EN_POSITIVE)
    v = EN
    return frame.format(
        **_en_item(rng), order=_order(rng), n=rng.randint(2, 30), weekday=rng.choice(v["weekdays"]),
        month=rng.choice(v["months"]), place=rng.choice(v["places"]), city=rng.choice(v["cities"]),
        reason=rng.choice(v["reasons"]), name=_pick(rng, v["names"]), amount=_en_amount(rng), url=_url(rng),
        hour=f"{rng.randint(7, 11)}:{rng.choice(['00', '30'])}")


# ---------------------------------------------------------------------------
# Finnish: nouns and adjectives as (nominative, partitive, genitive)
# ---------------------------------------------------------------------------

FI = {
    "products": [("takki", "takkia", "takin"), ("reppu", "reppua", "repun"), ("huivi", "huivia", "huivin"),
                 ("vedenkeitin", "vedenkeitintä", "vedenkeittimen"), ("matto", "mattoa", "maton"),
                 ("tyyny", "tyynyä", "tyynyn"), ("sateenvarjo", "sateenvarjoa", "sateenvarjon"),
                 ("lompakko", "lompakkoa", "lompakon"), ("peitto", "peittoa", "peiton"),
                 ("teekannu", "teekannua", "teekannun"), ("rannekello", "rannekelloa", "rannekellon"),
                 ("työtuoli", "työtuolia", "työtuolin"), ("kirjahylly", "kirjahyllyä", "kirjahyllyn"),
                 ("juomapullo", "juomapulloa", "juomapullon"), ("sadetakki", "sadetakkia", "sadetakin"),
                 ("hame", "hametta", "hameen"), ("neule", "neuletta", "neuleen"), ("huppari", "hupparia", "hupparin"),
                 ("tyynyliina", "tyynyliinaa", "tyynyliinan"), ("paistinpannu", "paistinpannua", "paistinpannun"),
                 ("leikkuulauta", "leikkuulautaa", "leikkuulaudan"), ("joogamatto", "joogamattoa", "joogamaton"),
                 ("kangaskassi", "kangaskassia", "kangaskassin"), ("verho", "verhoa", "verhon"),
                 ("pussilakana", "pussilakanaa", "pussilakanan"), ("uunipelti", "uunipeltiä", "uunipellin"),
                 ("viinilasi", "viinilasia", "viinilasin"), ("kynttilänjalka", "kynttilänjalkaa", "kynttilänjalan"),
                 ("kukkaruukku", "kukkaruukkua", "kukkaruukun"), ("kahvimylly", "kahvimyllyä", "kahvimyllyn"),
                 ("leivänpaahdin", "leivänpaahdinta", "leivänpaahtimen"), ("tuuletin", "tuuletinta", "tuulettimen"),
                 ("pyöräilykypärä", "pyöräilykypärää", "pyöräilykypärän"), ("pipo", "pipoa", "pipon"),
                 ("läppärilaukku", "läppärilaukkua", "läppärilaukun")],
    "colours": [("punainen", "punaista", "punaisen"), ("tummansininen", "tummansinistä", "tummansinisen"),
                ("musta", "mustaa", "mustan"), ("valkoinen", "valkoista", "valkoisen"), ("harmaa", "harmaata", "harmaan"),
                ("vihreä", "vihreää", "vihreän"), ("keltainen", "keltaista", "keltaisen"), ("ruskea", "ruskeaa", "ruskean"),
                ("vaaleanpunainen", "vaaleanpunaista", "vaaleanpunaisen"), ("oranssi", "oranssia", "oranssin"),
                ("violetti", "violettia", "violetin"), ("turkoosi", "turkoosia", "turkoosin"),
                ("hiilenharmaa", "hiilenharmaata", "hiilenharmaan"), ("oliivinvihreä", "oliivinvihreää", "oliivinvihreän"),
                ("viininpunainen", "viininpunaista", "viininpunaisen"), ("hiekanvärinen", "hiekanväristä", "hiekanvärisen"),
                ("liila", "liilaa", "liilan"), ("luonnonvalkoinen", "luonnonvalkoista", "luonnonvalkoisen")],
    "sizes": [("iso", "isoa", "ison"), ("pieni", "pientä", "pienen"), ("uusi", "uutta", "uuden"),
              ("kevyt", "kevyttä", "kevyen"), ("pehmeä", "pehmeää", "pehmeän"), ("pitkä", "pitkää", "pitkän"),
              ("lyhyt", "lyhyttä", "lyhyen"), ("klassinen", "klassista", "klassisen")],
    "weekday_ess": ["maanantaina", "tiistaina", "keskiviikkona", "torstaina", "perjantaina", "lauantaina",
                    "sunnuntaina"],
    "weekday_part": ["maanantaita", "tiistaita", "keskiviikkoa", "torstaita", "perjantaita", "lauantaita",
                     "sunnuntaita"],
    "month_part": ["tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta",
                   "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"],
    "place_ill": ["Norjaan", "Viroon", "Islantiin", "Saksaan", "Tanskaan", "Puolaan", "Ranskaan", "Espanjaan",
                  "Kreikkaan", "Japaniin", "Kanadaan", "Latviaan", "Liettuaan"],
    "city_ine": ["Tampereella", "Oulussa", "Turussa", "Jyväskylässä", "Kuopiossa", "Lahdessa", "Porissa",
                 "Vaasassa", "Joensuussa", "Rovaniemellä", "Espoossa", "Vantaalla", "Seinäjoella"],
    "reason_gen": ["lakon", "lumimyrskyn", "varastomuuton", "inventaarion", "joulusesongin ruuhkan",
                   "järjestelmäpäivityksen", "tulvan", "tullitarkastuksen"],
    "names": ["Aino", "Eero", "Helmi", "Joonas", "Kaisa", "Lauri", "Minna", "Otto", "Riikka", "Ville", "Sanni",
              "Tuomas"],
}


def _fi_item(rng: random.Random) -> dict[str, str]:
    parts = [rng.choice(FI["colours"]), rng.choice(FI["products"])]
    if rng.random() < 0.4:
        parts.insert(0, rng.choice(FI["sizes"]))
    return {f"item_{case}": _bold(rng, " ".join(p[i] for p in parts)) for i, case in enumerate(("nom", "part", "gen"))}


FI_NEGATIVE = {
    "stock": [
        "{item_part} ei valitettavasti ole tällä hetkellä varastossa.",
        "{item_nom} on loppunut varastosta.",
        "{item_nom} on myyty loppuun.",
        "Meillä ei ole {item_part} enää myynnissä.",
        "{item_nom} ei tule takaisin myyntiin ennen {month_part}.",
        "Valitettavasti {item_part} ei ole saatavilla yhdessäkään myymälässä.",
    ],
    "delay": [
        "Tilauksesi {order} toimitus viivästyy {n} päivää.",
        "{item_nom} ei ehdi perille ennen {weekday_part}.",
        "Emme pysty lähettämään {item_part} ennen ensi viikkoa.",
        "Pakettisi on myöhässä {reason_gen} vuoksi.",
        "{item_gen} toimitus on {n} päivää myöhässä {reason_gen} takia.",
    ],
    "limits": [
        "Emme toimita {place_ill}.",
        "Voit palauttaa {item_gen} vain {n} päivän kuluessa.",
        "Yhteen tilaukseen mahtuu enintään {n} tuotetta.",
        "Emme voi lähettää yli {n} kilon paketteja {place_ill}.",
        "Samaan tilaukseen voi käyttää vain yhden alennuskoodin.",
    ],
    "cant": [
        "En voi muuttaa tilauksen {order} toimitusosoitetta.",
        "Emme voi hyvittää {item_part} {n} päivän jälkeen.",
        "Emme valitettavasti pysty vaihtamaan {item_part} toiseen väriin.",
        "En pysty perumaan tilausta {order}, koska se on jo lähetetty.",
        "En voi tehdä mitään {item_gen} viivästykselle.",
    ],
    "dont_know": [
        "En tiedä, milloin {item_nom} tulee takaisin varastoon.",
        "En tiedä, missä pakettisi {order} on tällä hetkellä.",
        "Emme vielä tiedä, voiko {item_part} korjata.",
        "En ole varma, milloin tilaus {order} lähtee varastolta.",
    ],
    "must": [
        "Sinun täytyy ensin lähettää meille kuva, jossa {item_nom} näkyy.",
        "Teidän on täytettävä palautuslomake ennen kuin {item_nom} voidaan vaihtaa.",
        "Sinun pitää itse ottaa yhteyttä kuljetusliikkeeseen tilauksesta {order}.",
        "Sinun täytyy palauttaa {item_nom} alkuperäisessä pakkauksessa.",
    ],
    "closed": [
        "Myymälämme {city_ine} on suljettu {weekday_ess}.",
        "Asiakaspalvelumme on kiinni {weekday_ess}.",
        "Varastomme {city_ine} on suljettu inventaarion takia koko viikon.",
        "Noutopisteemme {city_ine} on kiinni pyhien ajan.",
    ],
}

FI_POSITIVE = [
    "Kiitos viestistäsi, joka koski {item_part}.",
    "Lähetin tilauksen {order} seurantalinkin sähköpostiisi.",
    "{item_nom} on taas varastossa ja valmis lähetettäväksi.",
    "Hyvitys {amount} on maksettu tilillesi.",
    "Varasin kuriirin noutamaan {item_gen} {weekday_ess}.",
    "Hei {name}, kiitos kärsivällisyydestäsi!",
    "Tässä on {item_gen} <b>hoito-ohje</b>.",
    "Autan mielelläni, jos {item_nom} herättää lisää kysymyksiä.",
    "Myymälämme {city_ine} aukeaa {weekday_ess} kello {hour}.",
    "Voit seurata pakettiasi osoitteessa {url}.",
    "Hei %s, {item_nom} lähti matkaan tänään.",
    "Lisäsin tilillesi alennuskoodin, jonka voit käyttää {item_gen} ostoon.",
    "Kerro, mikä {item_gen} koko sopii sinulle parhaiten.",
    "Tikettisi {order} on päivitetty.",
    "Tarkistan {item_gen} saatavuuden varastoltamme tänään.",
    "Hyviä uutisia, {name}: {item_nom} saapui myymäläämme {city_ine} tänä aamuna.",
    "Olemme varanneet {item_gen} sinulle {weekday_part} asti.",
]


def _fi(rng: random.Random, kind: str | None) -> str:
    frame = rng.choice(FI_NEGATIVE[kind]) if kind else rng.choice(FI_POSITIVE)
    v = FI
    amount = f"{rng.randint(5, 400)},{rng.randint(0, 99):02d} €"
    return frame.format(
        **_fi_item(rng), order=_order(rng), n=rng.randint(2, 30), weekday_ess=rng.choice(v["weekday_ess"]),
        weekday_part=rng.choice(v["weekday_part"]), month_part=rng.choice(v["month_part"]),
        place_ill=rng.choice(v["place_ill"]), city_ine=rng.choice(v["city_ine"]),
        reason_gen=rng.choice(v["reason_gen"]), name=_pick(rng, v["names"]), amount=amount, url=_url(rng),
        hour=f"{rng.randint(7, 11)}.{rng.choice(['00', '30'])}")


# ---------------------------------------------------------------------------
# Icelandic: definite nouns (gender, nominative, accusative, dative); weak
# adjectives as (masculine nominative, the -a form, the -u form)
# ---------------------------------------------------------------------------

IS = {
    "products": [("m", "jakkinn", "jakkann", "jakkanum"), ("m", "bollinn", "bollann", "bollanum"),
                 ("m", "stóllinn", "stólinn", "stólnum"), ("m", "hatturinn", "hattinn", "hattinum"),
                 ("m", "trefillinn", "trefilinn", "treflinum"), ("m", "bakpokinn", "bakpokann", "bakpokanum"),
                 ("m", "ketillinn", "ketilinn", "katlinum"), ("m", "púðinn", "púðann", "púðanum"),
                 ("m", "dúkurinn", "dúkinn", "dúkinum"), ("m", "hjálmurinn", "hjálminn", "hjálminum"),
                 ("m", "bolurinn", "bolinn", "bolnum"), ("m", "vasinn", "vasann", "vasanum"),
                 ("f", "taskan", "töskuna", "töskunni"), ("f", "peysan", "peysuna", "peysunni"),
                 ("f", "kápan", "kápuna", "kápunni"), ("f", "kannan", "könnuna", "könnunni"),
                 ("f", "mottan", "mottuna", "mottunni"), ("f", "regnhlífin", "regnhlífina", "regnhlífinni"),
                 ("f", "hillan", "hilluna", "hillunni"), ("f", "pannan", "pönnuna", "pönnunni"),
                 ("f", "dýnan", "dýnuna", "dýnunni"), ("f", "flaskan", "flöskuna", "flöskunni"),
                 ("f", "sængin", "sængina", "sænginni"), ("f", "húfan", "húfuna", "húfunni"),
                 ("n", "borðið", "borðið", "borðinu"), ("n", "hjólið", "hjólið", "hjólinu"),
                 ("n", "teppið", "teppið", "teppinu"), ("n", "úrið", "úrið", "úrinu"),
                 ("n", "pilsið", "pilsið", "pilsinu"), ("n", "veskið", "veskið", "veskinu"),
                 ("n", "glasið", "glasið", "glasinu"), ("n", "rúmið", "rúmið", "rúminu"),
                 ("n", "beltið", "beltið", "beltinu"), ("f", "brauðristin", "brauðristina", "brauðristinni")],
    "colours": [("rauði", "rauða", "rauðu"), ("blái", "bláa", "bláu"), ("svarti", "svarta", "svörtu"),
                ("hvíti", "hvíta", "hvítu"), ("grái", "gráa", "gráu"), ("græni", "græna", "grænu"),
                ("guli", "gula", "gulu"), ("brúni", "brúna", "brúnu"), ("bleiki", "bleika", "bleiku"),
                ("fjólublái", "fjólubláa", "fjólubláu"), ("dökkblái", "dökkbláa", "dökkbláu"),
                ("ljósgrái", "ljósgráa", "ljósgráu"), ("appelsínuguli", "appelsínugula", "appelsínugulu"),
                ("dökkgræni", "dökkgræna", "dökkgrænu"), ("vínrauði", "vínrauða", "vínrauðu")],
    "sizes": [("stóri", "stóra", "stóru"), ("litli", "litla", "litlu"), ("nýi", "nýja", "nýju"),
              ("létti", "létta", "léttu"), ("mjúki", "mjúka", "mjúku"), ("langi", "langa", "löngu"),
              ("stutti", "stutta", "stuttu"), ("klassíski", "klassíska", "klassísku")],
    "weekday_acc": ["mánudag", "þriðjudag", "miðvikudag", "fimmtudag", "föstudag", "laugardag", "sunnudag"],
    "months": ["janúar", "febrúar", "mars", "apríl", "maí", "júní", "júlí", "ágúst", "september", "október",
               "nóvember", "desember"],
    "place_gen": ["Grænlands", "Færeyja", "Noregs", "Svíþjóðar", "Danmerkur", "Finnlands", "Þýskalands",
                  "Póllands", "Frakklands", "Spánar", "Ítalíu", "Kanada"],
    "city_dat": ["Reykjavík", "Kópavogi", "Hafnarfirði", "Garðabæ", "Keflavík", "Borgarnesi", "Hveragerði",
                 "Vestmannaeyjum", "Grindavík", "Mosfellsbæ"],
    "reason_gen": ["verkfalls", "óveðurs", "flutninga á lagernum", "vörutalningar", "mikils álags",
                   "bilunar í kerfinu", "tollskoðunar", "ófærðar"],
    "names": ["Anna", "Bjarki", "Guðrún", "Hildur", "Jón", "Kári", "Sigrún", "Ólafur", "Þóra", "Einar", "Katrín",
              "Ragnar"],
    # predicates that agree with the noun's gender
    "sold_out": {"m": "uppseldur", "f": "uppseld", "n": "uppselt"},
    "back": {"m": "kominn", "f": "komin", "n": "komið"},
    "sent": {"m": "sendur", "f": "send", "n": "sent"},
    "available": {"m": "fáanlegur", "f": "fáanleg", "n": "fáanlegt"},
}


def _is_adj(adj: tuple[str, str, str], gender: str, case: str) -> str:
    m_nom, a_form, u_form = adj
    if gender == "m":
        return m_nom if case == "nom" else a_form
    if gender == "f":
        return a_form if case == "nom" else u_form
    return a_form


def _is_item(rng: random.Random) -> dict[str, str]:
    gender, *forms = rng.choice(IS["products"])
    adjs = [rng.choice(IS["colours"])]
    if rng.random() < 0.4:
        adjs.insert(0, rng.choice(IS["sizes"]))
    out = {}
    for case, noun in zip(("nom", "acc", "dat"), forms):
        out[case] = _bold(rng, " ".join([*(_is_adj(a, gender, case) for a in adjs), noun]))
    out.update({key: IS[key][gender] for key in ("sold_out", "back", "sent", "available")})
    return out


IS_NEGATIVE = {
    "stock": [
        "Því miður er {nom} ekki til á lager eins og er.",
        "{nom} er {sold_out}.",
        "Við eigum {acc} ekki til í augnablikinu.",
        "{nom} kemur ekki aftur í sölu fyrr en í {month}.",
        "Því miður er {nom} hvergi {available} í verslunum okkar.",
    ],
    "delay": [
        "Afhending pöntunar {order} tefst um {n} daga.",
        "{nom} berst ekki fyrr en á {weekday}.",
        "Við getum ekki sent {acc} fyrr en í næstu viku.",
        "Sendingin þín er sein vegna {reason}.",
    ],
    "limits": [
        "Við sendum ekki til {place}.",
        "Þú getur aðeins skilað {dat} innan {n} daga.",
        "Hver pöntun má að hámarki innihalda {n} vörur.",
        "Við getum ekki sent pakka sem eru þyngri en {n} kíló.",
        "Aðeins er hægt að nota einn afsláttarkóða í hverri pöntun.",
    ],
    "cant": [
        "Ég get ekki breytt afhendingarheimilisfanginu fyrir pöntun {order}.",
        "Við getum ekki endurgreitt {acc} eftir {n} daga.",
        "Því miður getum við ekki skipt {dat} í annan lit.",
        "Ég get ekki hætt við pöntun {order} eftir að hún hefur verið send.",
        "Það er ekkert sem ég get gert varðandi töfina á {dat}.",
    ],
    "dont_know": [
        "Ég veit ekki hvenær {nom} kemur aftur á lager.",
        "Ég veit ekki hvar pakkinn þinn {order} er núna.",
        "Við vitum ekki enn hvort hægt sé að gera við {acc}.",
        "Ég er ekki viss um hvenær pöntun {order} fer frá lagernum.",
    ],
    "must": [
        "Þú verður að skila {dat} í upprunalegum umbúðum.",
        "Þú þarft að fylla út skilaeyðublaðið áður en við getum skipt {dat}.",
        "Þú verður að hafa samband við flutningsfyrirtækið vegna pöntunar {order}.",
        "Þú verður fyrst að senda okkur mynd af {dat}.",
    ],
    "closed": [
        "Verslunin okkar í {city} er lokuð á {weekday}.",
        "Þjónustuverið er lokað á {weekday}.",
        "Lagerinn okkar í {city} er lokaður vegna vörutalningar alla vikuna.",
        "Afhendingarstaðurinn í {city} er lokaður yfir hátíðarnar.",
    ],
}

IS_POSITIVE = [
    "Takk fyrir skilaboðin um {acc}.",
    "Ég sendi rakningarhlekkinn fyrir pöntun {order} á netfangið þitt.",
    "{nom} er {back} aftur á lager.",
    "Endurgreiðslan upp á {amount} hefur verið lögð inn á reikninginn þinn.",
    "Ég hef pantað sendil til að sækja {acc} á {weekday}.",
    "Hæ {name}, takk fyrir þolinmæðina!",
    "Hér eru <b>umhirðuleiðbeiningar</b> fyrir {acc}.",
    "Ég aðstoða þig gjarnan ef þú hefur fleiri spurningar um {acc}.",
    "Verslunin okkar í {city} opnar klukkan {hour} á {weekday}.",
    "Þú getur fylgst með pakkanum á {url}.",
    "Hæ %s, {nom} var {sent} í dag.",
    "Ég bætti afsláttarkóða við aðganginn þinn fyrir {acc}.",
    "Láttu mig vita hvaða stærð af {dat} hentar þér best.",
    "Beiðnin þín {order} hefur verið uppfærð.",
    "Ég athuga stöðuna á {dat} hjá lagernum í dag.",
    "Góðar fréttir, {name}: {nom} kom í verslunina okkar í {city} í morgun.",
    "Við höfum tekið {acc} frá fyrir þig fram á {weekday}.",
]


def _is(rng: random.Random, kind: str | None) -> str:
    frame = rng.choice(IS_NEGATIVE[kind]) if kind else rng.choice(IS_POSITIVE)
    v = IS
    return frame.format(
        **_is_item(rng), order=_order(rng), n=rng.randint(2, 30), weekday=rng.choice(v["weekday_acc"]),
        month=rng.choice(v["months"]), place=rng.choice(v["place_gen"]), city=rng.choice(v["city_dat"]),
        reason=rng.choice(v["reason_gen"]), name=_pick(rng, v["names"]),
        amount=f"{rng.randint(5, 90)}.{rng.randint(100, 999)} kr.", url=_url(rng), hour=f"{rng.randint(7, 11)}:00")


# ---------------------------------------------------------------------------
# Norwegian Bokmål: definite nouns with their determiner (den/det)
# ---------------------------------------------------------------------------

NB = {
    "products": [("den", "jakken"), ("den", "koppen"), ("den", "stolen"), ("den", "hatten"), ("det", "skjerfet"),
                 ("den", "ryggsekken"), ("den", "vannkokeren"), ("det", "teppet"), ("den", "puten"),
                 ("den", "paraplyen"), ("den", "lommeboken"), ("den", "dynen"), ("den", "tekannen"),
                 ("den", "klokken"), ("den", "kontorstolen"), ("den", "bokhyllen"), ("den", "vannflasken"),
                 ("den", "regnjakken"), ("det", "skjørtet"), ("den", "genseren"), ("den", "hettegenseren"),
                 ("det", "putetrekket"), ("den", "stekepannen"), ("det", "skjærebrettet"), ("den", "yogamatten"),
                 ("det", "handlenettet"), ("det", "mobildekselet"), ("den", "sengerammen"), ("den", "gardinen"),
                 ("det", "dynetrekket"), ("det", "bakebrettet"), ("det", "vinglasset"), ("den", "lysestaken"),
                 ("den", "blomsterpotten"), ("den", "kaffekvernen"), ("den", "brødristeren"),
                 ("den", "sykkelhjelmen"), ("den", "luen")],
    "colours": ["røde", "mørkeblå", "svarte", "hvite", "grå", "grønne", "gule", "brune", "rosa", "oransje", "lilla",
                "turkise", "koksgrå", "kremhvite", "olivengrønne", "vinrøde", "sandfargede", "lyseblå"],
    "sizes": ["store", "lille", "nye", "lette", "myke", "lange", "korte", "klassiske"],
    "weekdays": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
    "months": ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
               "november", "desember"],
    "places": ["Svalbard", "Island", "Sveits", "Færøyene", "Grønland", "Storbritannia", "Finland", "Tyskland",
               "Polen", "Frankrike", "Spania", "Canada", "Japan"],
    "cities": ["Bergen", "Trondheim", "Stavanger", "Tromsø", "Drammen", "Kristiansand", "Fredrikstad", "Bodø",
               "Ålesund", "Hamar", "Lillehammer", "Molde"],
    "reasons": ["streik", "uvær", "lagerflytting", "varetelling", "stor pågang", "en systemfeil", "flom",
                "tollkontroll"],
    "names": ["Ingrid", "Ola", "Kari", "Henrik", "Sofie", "Magnus", "Nora", "Jonas", "Silje", "Eirik", "Marte",
              "Sindre"],
}


def _nb_item(rng: random.Random) -> dict[str, str]:
    det, noun = rng.choice(NB["products"])
    words = [rng.choice(NB["colours"]), noun]
    if rng.random() < 0.4:
        words.insert(0, rng.choice(NB["sizes"]))
    return {"item": f"{det} {_bold(rng, ' '.join(words))}"}


NB_NEGATIVE = {
    "stock": [
        "Dessverre er {item} ikke på lager for øyeblikket.",
        "{item} er utsolgt.",
        "Vi har ikke {item} inne akkurat nå.",
        "{item} kommer ikke tilbake i salg før i {month}.",
        "Beklager, men {item} er ikke lenger tilgjengelig.",
    ],
    "delay": [
        "Leveringen av ordre {order} er forsinket med {n} dager.",
        "{item} kommer ikke fram før på {weekday}.",
        "Vi kan ikke sende {item} før neste uke.",
        "Pakken din er forsinket på grunn av {reason}.",
    ],
    "limits": [
        "Vi leverer ikke til {place}.",
        "Du kan bare returnere {item} innen {n} dager.",
        "Hver bestilling kan maksimalt inneholde {n} varer.",
        "Vi kan ikke sende pakker som veier mer enn {n} kilo.",
        "Det er bare mulig å bruke én rabattkode per bestilling.",
    ],
    "cant": [
        "Jeg kan ikke endre leveringsadressen for ordre {order}.",
        "Vi kan ikke refundere {item} etter {n} dager.",
        "Dessverre kan vi ikke bytte {item} til en annen farge.",
        "Jeg kan ikke kansellere ordre {order} etter at den er sendt.",
        "Det er ingenting jeg kan gjøre med forsinkelsen på {item}.",
    ],
    "dont_know": [
        "Jeg vet ikke når {item} kommer tilbake på lager.",
        "Jeg vet ikke hvor pakken din {order} er nå.",
        "Vi vet ennå ikke om {item} kan repareres.",
        "Jeg er ikke sikker på når ordre {order} forlater lageret.",
    ],
    "must": [
        "Du må returnere {item} i originalemballasjen.",
        "Du må fylle ut returskjemaet før vi kan bytte {item}.",
        "Du må selv kontakte transportøren om ordre {order}.",
        "Du må først sende oss et bilde av {item}.",
    ],
    "closed": [
        "Butikken vår i {city} er stengt på {weekday}.",
        "Kundeservice er stengt på {weekday}.",
        "Lageret vårt i {city} er stengt for varetelling hele uken.",
        "Utleveringsstedet i {city} er stengt i høytiden.",
    ],
}

NB_POSITIVE = [
    "Takk for at du tok kontakt om {item}.",
    "Jeg har sendt sporingslenken for ordre {order} til e-posten din.",
    "{item} er tilbake på lager og klar til å sendes.",
    "Refusjonen på {amount} er utbetalt til kontoen din.",
    "Jeg har bestilt bud som henter {item} på {weekday}.",
    "Hei {name}, takk for tålmodigheten!",
    "Her er <b>vedlikeholdsguiden</b> for {item}.",
    "Jeg hjelper deg gjerne hvis du har flere spørsmål om {item}.",
    "Butikken vår i {city} åpner klokken {hour} på {weekday}.",
    "Du kan følge pakken din på {url}.",
    "Hei %s, {item} ble sendt i dag.",
    "Jeg har lagt inn en rabattkode på kontoen din for {item}.",
    "Si gjerne fra hvilken størrelse av {item} som passer deg best.",
    "Saken din {order} er oppdatert.",
    "Jeg sjekker {item} med lageret vårt i dag.",
    "Gode nyheter, {name}: {item} kom til butikken vår i {city} i morges.",
    "Vi har reservert {item} til deg fram til {weekday}.",
]


def _nb(rng: random.Random, kind: str | None) -> str:
    frame = rng.choice(NB_NEGATIVE[kind]) if kind else rng.choice(NB_POSITIVE)
    v = NB
    return frame.format(
        **_nb_item(rng), order=_order(rng), n=rng.randint(2, 30), weekday=rng.choice(v["weekdays"]),
        month=rng.choice(v["months"]), place=rng.choice(v["places"]), city=rng.choice(v["cities"]),
        reason=rng.choice(v["reasons"]), name=_pick(rng, v["names"]), amount=f"{rng.randint(49, 4999)} kr",
        url=_url(rng), hour=f"{rng.randint(7, 11)}.{rng.choice(['00', '30'])}")


# ---------------------------------------------------------------------------

MAKERS: dict[str, Callable[[random.Random, str | None], str]] = {"fi": _fi, "is": _is, "nb": _nb, "en": _en}


def _sentence_case(text: str) -> str:
    """A frame that starts with its item starts the sentence: capitalise its first letter."""
    at = 3 if text.startswith("<b>") else 0
    return text[:at] + text[at:at + 1].upper() + text[at + 1:]


def labelled(lang: str, lines: int, seed: int = 1) -> list[tuple[bool, str]]:
    """``lines`` distinct (negative?, sentence) pairs in ``lang``; the same for the same seed.

    Exactly round(0.4 * lines) are negative, spread at random over the
    corpus; negative kinds are chosen evenly.
    """
    make = MAKERS[lang]
    rng = random.Random(f"{lang}:{seed}")
    negatives = round(NEGATIVE_SHARE * lines)
    flags = [True] * negatives + [False] * (lines - negatives)
    rng.shuffle(flags)
    seen: set[str] = set()
    out: list[tuple[bool, str]] = []
    for negative in flags:
        for _ in range(1000):
            text = _sentence_case(make(rng, rng.choice(KINDS) if negative else None))
            if text not in seen:
                break
        else:
            raise SystemExit(f"gen_corpus: vocabulary exhausted for {lines} distinct {lang} lines")
        seen.add(text)
        out.append((negative, text))
    return out


def corpus(lang: str, lines: int, seed: int = 1) -> list[str]:
    """``lines`` distinct support sentences in ``lang`` (about 40 % negative)."""
    return [text for _, text in labelled(lang, lines, seed)]


GREETINGS = {
    "en": ("Hi {{ticket.requester.first_name}},", "Best regards,", "Hello,", "Kind regards,"),
    "fi": ("Hei {{ticket.requester.first_name}},", "Ystävällisin terveisin,", "Hei,", "Terveisin,"),
    "is": ("Hæ {{ticket.requester.first_name}},", "Bestu kveðjur,", "Sæl/l,", "Kær kveðja,"),
    "nb": ("Hei {{ticket.requester.first_name}},", "Med vennlig hilsen,", "Hei,", "Vennlig hilsen,"),
}


def zendesk(macros: int, seed: int = 1) -> dict:
    """A Zendesk-style macro export (``macros[].actions[]``) in all four languages.

    Each macro: a greeting, one to three sentences of one language (40 %
    negative, as in `labelled`), a sign-off; HTML (comment_value_html),
    plain text, or Zendesk's [channel, text] pairs.
    """
    rng = random.Random(f"zendesk:{seed}")
    per_lang = macros * 2 // len(LANGS) + 10
    pools = {lang: [t for _, t in labelled(lang, per_lang, seed)] for lang in LANGS}
    used = {lang: 0 for lang in LANGS}
    out = []
    for i in range(macros):
        lang = LANGS[i % len(LANGS)]
        count = rng.choice((1, 1, 2, 2, 3))
        start = used[lang] % len(pools[lang])
        body = pools[lang][start:start + count]
        used[lang] += count
        hello, bye = (GREETINGS[lang][0], GREETINGS[lang][1]) if rng.random() < 0.5 else GREETINGS[lang][2:]
        shape = rng.random()
        if shape < 0.6:
            html = f"<p>{hello}</p><p>{' '.join(body)}</p><p>{bye}<br>{{{{current_user.first_name}}}}</p>"
            actions = [{"field": "comment_value_html", "value": html}]
        elif shape < 0.85:
            actions = [{"field": "comment_value", "value": f"{hello}\n\n{' '.join(body)}\n\n{bye}\n{{{{current_user.first_name}}}}"}]
        else:
            actions = [{"field": "comment_value", "value": ["channel:all", " ".join(body)]}]
        if rng.random() < 0.5:
            actions.append({"field": "status", "value": rng.choice(["pending", "solved", "open"])})
        out.append({"id": 360000000 + i, "title": f"{lang.upper()} macro {i + 1}", "active": True,
                    "actions": actions, "restriction": None})
    return {"macros": out, "next_page": None, "count": macros}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    ln = sub.add_parser("lines", help="one sentence a line")
    ln.add_argument("--lang", choices=LANGS, required=True)
    ln.add_argument("--lines", type=int, default=10000)
    ln.add_argument("--seed", type=int, default=1)
    ln.add_argument("--labels", action="store_true", help="prefix each line with neg<TAB> or pos<TAB>")
    zd = sub.add_parser("zendesk", help="a Zendesk-style JSON macro export")
    zd.add_argument("--macros", type=int, default=20000)
    zd.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    out = sys.stdout
    if a.what == "lines":
        for negative, text in labelled(a.lang, a.lines, a.seed):
            out.write((f"{'neg' if negative else 'pos'}\t{text}" if a.labels else text) + "\n")
    else:
        json.dump(zendesk(a.macros, a.seed), out, ensure_ascii=False, indent=2)
        out.write("\n")


if __name__ == "__main__":
    main()
