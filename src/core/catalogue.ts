/**
 * The 39 action-oriented objectives of the LIAT (seed 000, version 1 draft), as typed data.
 * French texts are the source's, with markup removed and whitespace collapsed (its inclusive
 * spelling, e.g. "migrant.e.s", is kept). English texts are our own translation. Reference cells
 * are kept as the source wrote them and read by parseReferences.
 */
import type { DomainId, Objective } from "./catalogueTypes";
import { codeParts, compareCodes, normalizeCode } from "./codes";
import { flattenReferenceCell, parseReferences } from "./references";

/** [code as the source writes it, French text, English text, GCR cell, GCM cell] */
type Row = readonly [sourceCode: string, fr: string, en: string, gcr: string, gcm: string];

const ROWS: readonly Row[] = [
  [
    "1,1,1",
    "Adopter une stratégie/un plan d'action/un cadre pour l'intégration interculturelle/gestion de la diversité élaborée grâce à la coopération entre les différents services municipaux.",
    "Adopt a strategy/action plan/framework for intercultural integration/diversity management, developed through cooperation between the different municipal services.",
    "",
    "",
  ],
  [
    "1,1,2",
    "Les besoins des réfugié.e.s, des migrant.e.s et des déplacés internes sont-ils intégrés dans les plans de développement économique local et les plans sectoriels ?",
    "Are the needs of refugees, migrants and internally displaced people built into local economic development plans and sectoral plans?",
    "",
    "",
  ],
  [
    "1,1,3",
    "Existe-t-il un groupe de travail/unité de coordination intersectorielle locale chargé d'intégrer les questions d'inclusion des migrant.e.s et des réfugié.e.s dans la prestation de services locaux ?",
    "Is there a local cross-sector working group/coordination unit tasked with building the inclusion of migrants and refugees into local service delivery?",
    "",
    "",
  ],
  [
    "1,2,1",
    "Outils à plusieurs niveaux/mécanisme de coordination pour la mise en œuvre des plans et stratégies d'intégration des migrant.e.s et des réfugié.e.s",
    "Multi-level tools/coordination mechanism for carrying out plans and strategies for the integration of migrants and refugees",
    "",
    "",
  ],
  [
    "1,3,1",
    "Élaborer un plan élargi (incluant les autorités locales, le secteur privé, les ONG, les associations de migrant.e.s et de réfugié.e.s, les fondations, les institutions religieuses, etc.) pour l'inclusion des migrant.e.s et des réfugié.e.s, mettre en œuvre le plan en collaboration avec divers intervenants.",
    "Draw up a broad plan (involving local authorities, the private sector, NGOs, migrant and refugee associations, foundations, religious institutions, etc.) for the inclusion of migrants and refugees, and carry out the plan together with these various stakeholders.",
    "",
    "",
  ],
  [
    "1,4,1",
    "Au niveau local, adopter un processus de consultation politique et/ou de co-conception politique incluant des personnes de toutes origines ethniques ou culturelles.",
    "At local level, adopt a process of political consultation and/or policy co-design that includes people of every ethnic or cultural background.",
    "",
    "",
  ],
  [
    "1,5,1",
    "Faire évoluer les perceptions du public concernant la contribution positive de la migration et de la diversité par le biais de campagnes et de discours positifs de la part des dirigeants politiques.",
    "Shift public perceptions of the positive contribution of migration and diversity through campaigns and positive messages from political leaders.",
    "",
    "17-:33f",
  ],
  [
    "1,5,2",
    "Permettre à l'opinion publique de mieux appréhender les cultures migrantes et de celles des communautés de destination, pour mettre fin au racisme, à la xénophobie.",
    "Help the public better understand migrant cultures and those of the receiving communities, in order to put an end to racism and xenophobia.",
    "",
    "15:31h;<br>17:33f",
  ],
  [
    "1,5,3",
    "Mener des campagnes d'information sur les risques associés aux migrations irrégulières et dangereuses, les dangers de la traite des personnes et l'accompagnement avant le départ dans les pays d'origine.",
    "Run information campaigns on the risks of irregular and unsafe migration and the dangers of human trafficking, and provide pre-departure guidance in countries of origin.",
    "",
    "Obj 3:19e;<br>Obj 10:26j;<br>Obj 3:19d",
  ],
  [
    "1,6,1",
    "Des données sont collectées sur les résultats obtenus au niveau local, ce qui permet de suivre et d'évaluer les pratiques d'inclusion.",
    "Data are collected on the results achieved at local level, so that inclusion practices can be monitored and evaluated.",
    "",
    "Obj 1:17d",
  ],
  [
    "1,7,1",
    "Consacrer des ressources financières, humaines et celles jugées appropriées aux activités liées à l'intégration.",
    "Devote financial, human and other appropriate resources to integration-related activities.",
    "Programme A<br>23,32",
    "",
  ],
  [
    "1,8,1",
    "Établir des alliances pour favoriser l'inclusion des migrant.e.s et des réfugié.e.s au sein des municipalités à l'intérieur des zones métropolitaines/municipalités voisines/agglomérations urbaines ainsi que pour renforcer les liens entre les zones urbaines et rurales et évaluer leurs avantages.",
    "Build alliances to foster the inclusion of migrants and refugees among the municipalities of metropolitan areas/neighbouring municipalities/urban agglomerations, and to strengthen links between urban and rural areas, and assess their benefits.",
    "",
    "",
  ],
  [
    "1,9,1",
    "Participer aux initiatives de partage des connaissances, de soutien et de renforcement des capacités de ville à ville sur l'inclusion des migrant.e.s et des réfugié.e.s.",
    "Take part in city-to-city initiatives for knowledge sharing, support and capacity building on the inclusion of migrants and refugees.",
    "",
    "",
  ],
  [
    "1,10,1",
    "Promouvoir la diversité à tous les niveaux hiérarchiques afin que le personnel municipal reflète la composition de la population de la ville.",
    "Promote diversity at every level of the hierarchy so that the municipal workforce reflects the make-up of the city's population.",
    "",
    "",
  ],
  [
    "1,11,1",
    "Former les fonctionnaires aux lois migratoires, au statut des migrant.e.s et des réfugié.e.s, aux permis de travail, aux droits, aux mécanismes de dénonciation de la discrimination.",
    "Train civil servants in migration law, the status of migrants and refugees, work permits, rights, and the mechanisms for reporting discrimination.",
    "",
    "15:31g",
  ],
  [
    "1,11,2",
    "Il existe un ou des programmes (compétences interculturelles et linguistiques, etc.) pour former le personnel du secteur public à travailler avec des populations diversifiées.",
    "There are one or more programmes (intercultural and language skills, etc.) to train public-sector staff to work with diverse populations.",
    "",
    "",
  ],
  [
    "2,1",
    "Mettre en place une formation professionnelle pour les communautés d'accueil et de réfugié.e.s, en particulier pour les jeunes et les femmes.",
    "Set up vocational training for host and refugee communities, especially for young people and women.",
    "",
    "GCM 15 f)",
  ],
  [
    "2,2",
    "Mettre en place des mécanismes pour faciliter l'accès des migrants à la reconnaissance des diplômes et des qualifications professionnelles (y compris sans documents originaux par validation sur place).",
    "Set up mechanisms that make it easier for migrants to have their diplomas and professional qualifications recognised (including without original documents, through on-site validation).",
    "",
    "MCG 19",
  ],
  [
    "2,3",
    "Un partenariat est en place entre les autorités locales, les entreprises sociales et le secteur privé pour soutenir de nouvelles opportunités de travail pour les migrant.e.s et les communautés d'accueil.",
    "A partnership is in place between local authorities, social enterprises and the private sector to support new work opportunities for migrants and host communities.",
    "Section 3.2 du CCR, Paragraphe 42",
    "MCG Obj 5",
  ],
  [
    "2,4",
    "Améliorer l'adéquation entre les besoins locaux en main-d'œuvre et les compétences des nouveaux/nouvelles arrivant.e.s",
    "Improve the match between local labour needs and the skills of newcomers",
    "",
    "MCG Obj 5",
  ],
  [
    "2,5",
    "Veiller à ce que l'offre de soutien à l'entrepreneuriat soit aussi accessible aux migrant.e.s/réfugié.e.s/IDP qu'aux communautés d'accueil et qu'elle soit aussi intégrée que possible (coaching, microfinance et renforcement des réseaux commerciaux)",
    "Ensure that entrepreneurship support is as accessible to migrants/refugees/IDPs as to host communities, and as integrated as possible (coaching, microfinance and strengthening of business networks)",
    "RMC, Par 71",
    "MCG Obj 20; 19",
  ],
  [
    "2,6",
    "Encourager des formes d'emploi compatibles avec le séjour légal et la mobilité",
    "Encourage forms of employment compatible with legal residence and mobility",
    "",
    "",
  ],
  [
    "3,1,1",
    "Fournir des places à l'école pour tous les enfants (y compris les enfants sans papiers) en âge d'aller à l'école obligatoire. Mettre en place des mesures pour éviter la ségrégation des élèves pour des raisons ethniques, religieuses, linguistiques ou autres.",
    "Provide school places for all children of compulsory school age (including undocumented children). Put measures in place to prevent the segregation of pupils on ethnic, religious, linguistic or other grounds.",
    "",
    "",
  ],
  [
    "3,1,2",
    "Fournir un soutien linguistique et des activités d'introduction pour les élèves d'origine étrangère dans les écoles publiques.",
    "Provide language support and introductory activities for pupils of foreign origin in public schools.",
    "",
    "",
  ],
  [
    "3,1,3",
    "Offrir au personnel éducatif une formation à la compétence interculturelle.",
    "Offer education staff training in intercultural competence.",
    "",
    "",
  ],
  [
    "3,2",
    "Aider les étudiants à satisfaire aux conditions d'admission (y compris les compétences linguistiques, la validation des titres d'études, les besoins financiers grâce à des bourses d'études municipales ou philanthropiques, etc.)",
    "Help students meet admission requirements (including language skills, recognition of qualifications, financial needs through municipal or philanthropic scholarships, etc.)",
    "",
    "Obj 5:21",
  ],
  [
    "3,3",
    "Offrir une formation linguistique gratuite dans les langues du pays d'accueil, de préférence par le biais de méthodes d' \"apprentissage actif\" (par exemple dans le cadre d'un emploi, du volontariat, etc.), en faisant un effort particulier pour toucher les personnes difficiles à atteindre.",
    'Offer free training in the languages of the host country, preferably through "active learning" methods (for example on the job or through volunteering), with a particular effort to reach people who are hard to reach.',
    "",
    "",
  ],
  [
    "4,1,1",
    "Garantir l'accès aux principaux services de santé et de protection sociale pour tous les migrant.e.s, y compris les sans-papiers et les personnes déplacées à l'intérieur du pays.",
    "Guarantee access to the main health and social protection services for all migrants, including undocumented people and internally displaced people.",
    "",
    "",
  ],
  [
    "4,1,2",
    "Offrir au personnel des services de santé et de protection sociale une formation à la compétence interculturelle, ainsi que des informations de base sur les droits et dispositifs destinés aux migrants.",
    "Offer health and social protection staff training in intercultural competence, together with basic information on the rights and schemes available to migrants.",
    "",
    "",
  ],
  [
    "4,1,3",
    "Fournir une médiation linguistique et culturelle aux migrants et aux réfugiés qui utilisent les services de santé et de protection sociale.",
    "Provide language and cultural mediation to migrants and refugees who use health and social protection services.",
    "",
    "",
  ],
  [
    "5,1",
    "Élargir les espaces/événements pour la contribution des migrant.e.s à la vie publique locale, en partenariat avec la société civile, les associations de migrants et les secteurs tertiaire et privé.",
    "Widen the spaces/events through which migrants contribute to local public life, in partnership with civil society, migrant associations and the third and private sectors.",
    "",
    "Obj 16 f);<br>Obj 15:31h",
  ],
  [
    "5,2,1",
    "Améliorer la disponibilité de solutions de logement attrayantes et abordables pour tous",
    "Improve the availability of attractive and affordable housing solutions for all",
    "",
    "",
  ],
  [
    "5,3,1",
    "Élaborer des profils de quartier/urbains/territoriaux (cartographie de la présence des réfugié.e.s/migrant.e.s/IDP, de la pauvreté, des bâtiments disponibles, de la connectivité, de la vulnérabilité aux catastrophes, etc.) et aborder les situations de ségrégation en améliorant la qualité de l'espace urbain (quartier, transport, planification des services, développement des extensions urbaines prévues, plans d'occupation et de rénovation urbaines, etc)",
    "Draw up neighbourhood/urban/territorial profiles (mapping the presence of refugees/migrants/IDPs, poverty, available buildings, connectivity, vulnerability to disasters, etc.) and tackle segregation by improving the quality of urban space (neighbourhood, transport, service planning, development of planned urban extensions, land-use and urban renewal plans, etc.)",
    "",
    "",
  ],
  [
    "5,3,2",
    "Rendre les centres d'hébergement et les camps visibles et reliés aux communautés locales afin que les résidents puissent partager la routine quotidienne et les services locaux avec leurs voisins.",
    "Make reception centres and camps visible and connected to local communities, so that residents can share daily routines and local services with their neighbours.",
    "",
    "",
  ],
  [
    "5,3,3",
    "Renforcer la résilience des villes face aux conflits en évitant la ségrégation résidentielle des communautés et en contribuant au règlement des litiges fonciers, par exemple en améliorant la collecte de données sur la propriété foncière et la sécurité foncière.",
    "Make cities more resilient to conflict by avoiding the residential segregation of communities and by helping to settle land disputes, for example by improving data collection on land ownership and security of tenure.",
    "",
    "",
  ],
  [
    "5,3,4",
    "L'urbanisme s'attaque aux risques liés au changement climatique et réduit ainsi les causes de déplacement.",
    "Urban planning tackles the risks linked to climate change and so reduces the causes of displacement.",
    "",
    "",
  ],
  [
    "6,1",
    "Concevoir des mesures spécifiques pour garantir aux nouveaux arrivant.e.s et aux migrant.e.s et réfugié.e.s de longue date l'accès aux services universels (guichets uniques, dossiers de bienvenue, lignes directrices sur l'accès aux services publics et l'utilisation des transports, etc.)",
    "Design specific measures to guarantee newcomers and long-standing migrants and refugees access to universal services (one-stop shops, welcome packs, guidance on accessing public services and using transport, etc.)",
    "",
    "Obj 3:19c;<br>Obj 3:19d;<br>Obj 7:23c",
  ],
  [
    "6,2",
    "Fournir, directement ou par l'intermédiaire d'ONG, des conseils juridiques et un accès à la justice, en particulier pour les migrant.e.s les plus vulnérables, y compris les sans-papiers et les enfants.",
    "Provide legal advice and access to justice, directly or through NGOs, especially for the most vulnerable migrants, including undocumented people and children.",
    "",
    "Obj 7:23g",
  ],
  [
    "6,3",
    "Fournir aux résidents, y compris les sans-papiers, une preuve officielle de résidence, telle qu'une carte d'identité municipale qui leur permettra d'accéder aux services municipaux.",
    "Provide residents, including undocumented people, with official proof of residence, such as a municipal identity card that gives them access to municipal services.",
    "",
    "Obj 4:20",
  ],
];

function toObjective([sourceCode, fr, en, gcr, gcm]: Row): Objective {
  const code = normalizeCode(sourceCode);
  const parts = codeParts(sourceCode);
  if (code === null || parts === null) throw new Error(`LIAT catalogue: bad code ${sourceCode}`);
  return {
    code,
    sourceCode,
    domain: parts[0] as DomainId,
    // The sub-category is the first two levels: "1.5.2" is in "1.5", "2.3" is in "2.3".
    subcategory: parts.slice(0, 2).join("."),
    text: { fr, en },
    sourceRefs: { gcr: flattenReferenceCell(gcr), gcm: flattenReferenceCell(gcm) },
    refs: [...parseReferences("GCR", gcr), ...parseReferences("GCM", gcm)],
  };
}

/** The 39 objectives, in natural code order. */
export const OBJECTIVES: readonly Objective[] = ROWS.map(toObjective).sort((a, b) => compareCodes(a.code, b.code));

const BY_CODE = new Map<string, Objective>(OBJECTIVES.map((o) => [o.code, o]));

/** The objective with this code, written "1.1.1", "1,1,1" or with stray spaces; undefined if none. */
export function getObjective(code: string): Objective | undefined {
  const key = normalizeCode(code);
  return key === null ? undefined : BY_CODE.get(key);
}

/** The objectives of one policy domain, in natural code order. */
export function objectivesOfDomain(id: DomainId): Objective[] {
  return OBJECTIVES.filter((o) => o.domain === id);
}

/** The objectives of one sub-category ("1.5"), in natural code order. */
export function objectivesOfSubcategory(id: string): Objective[] {
  return OBJECTIVES.filter((o) => o.subcategory === id);
}

/** All objective codes, in natural order. */
export const OBJECTIVE_CODES: readonly string[] = OBJECTIVES.map((o) => o.code);
