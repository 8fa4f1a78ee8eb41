# Spec for spoken-notes/dev.json. Task tuple:
# (action, kind T/E, due spec, dueTime, priority H/M/L, assignee, recipient)
NOTES = [
("sn-001", "2026-03-09T08:15:00", "Europe/London",
 "okay so um remind me to send the invoice to maria by next tuesday and call the bank urgently before friday about the direct debit that bounced also i need to pick up milk on the way home",
 "HIGH", [
  ("Send the invoice to Maria", "T", "next:tue", None, "M", None, "Maria"),
  ("Call the bank about the bounced direct debit", "T", "wd:fri", None, "H", None, None),
  ("Pick up milk on the way home", "T", None, None, "M", None, None)]),

("sn-002", "2026-01-14T19:40:00", "America/New_York",
 "so the kids have the school play on friday at six thirty and mom's coming too um oh and i've got to sign the permission slip for ella's field trip tonight it's due tomorrow and we should probably order the birthday cake for jake this week no wait the party's not till the end of the month so whenever really",
 "MEDIUM", [
  ("School play", "E", "wd:fri", "18:30", "M", None, None),
  ("Sign Ella's field trip permission slip", "T", "+0", None, "M", None, None),
  ("Order Jake's birthday cake", "T", None, None, "L", None, None)]),

("sn-003", "2026-02-02T13:05:00", "Europe/London",
 "job at number forty two elm road boiler's losing pressure again i topped it up to one point five bar but the expansion vessel is probably shot so i need to order a new expansion vessel from the supplier today and i'm going back to mrs hughes on thursday morning to fit it also the uh remind me to log the gas safety certificate on the portal by end of day",
 "HIGH", [
  ("Order a new expansion vessel from the supplier", "T", "+0", None, "M", None, None),
  ("Return visit to Mrs Hughes to fit the expansion vessel", "E", "wd:thu", None, "M", None, "Mrs Hughes"),
  ("Log the gas safety certificate on the portal", "T", "+0", None, "H", None, None)]),

("sn-004", "2026-04-18T22:10:00", "Europe/Berlin",
 "long day today we finally walked the whole ridge trail from the car park to the lake it took about five hours and my knees are complaining but the view from the top was unreal anna found a little hut selling apple cake and we sat there for ages i want to remember how quiet it was up there",
 "LOW", []),

("sn-005", "2026-05-06T09:30:00", "America/New_York",
 "just got off the call with brian at northwind logistics and honestly it went better than i expected they're interested in the enterprise tier not the team plan which is huge um they've got about two hundred people across three warehouses and they're running everything on spreadsheets if you can believe it so they need a quote for two hundred seats and i need to send brian the quote by friday and loop in legal about their data processing addendum because they're asking for some odd clauses around where the data is stored um also tell priya she needs to set up a demo for their ops team sometime next week they specifically want to see the scanning workflow and this is a big one so top priority on the quote okay i think that's everything",
 "HIGH", [
  ("Send Brian the quote for two hundred seats", "T", "wd:fri", None, "H", None, "Brian"),
  ("Loop in legal about Northwind's data processing addendum", "T", None, None, "M", None, None),
  ("Set up a demo for Northwind's ops team", "T", None, None, "M", "Priya", None)]),

("sn-006", "2026-03-23T07:05:00", "Europe/London",
 "remind me too cull the surgery at eight when the lines open to get a repeat prescription for my inhaler i'm down to the last one so that's urgent and dentist on the 14th at 9 don't forget",
 "HIGH", [
  ("Call the surgery for a repeat inhaler prescription", "T", "+0", "08:00", "H", None, None),
  ("Dentist appointment", "E", "dom:14", "09:00", "M", None, None)]),

("sn-007", "2026-06-11T16:45:00", "Australia/Sydney",
 "so the guy from the roofing company came round and said the flashing around the chimney is cracked which is where the water's getting in he's sending a quote tomorrow so i need to move the boxes out of the loft before they start and ask dave if we can borrow his ladder also we should get the gutters cleaned while they're up there no rush on that",
 "MEDIUM", [
  ("Move the boxes out of the loft", "T", None, None, "M", None, None),
  ("Ask Dave if we can borrow his ladder", "T", None, None, "M", None, "Dave"),
  ("Get the gutters cleaned", "T", None, None, "L", None, None)]),

("sn-008", "2026-02-20T11:20:00", "America/New_York",
 "okay tax stuff i need to dig out last year's 1099 from the brokerage tonight and scan the home office receipts tomorrow and then send everything to linda our accountant before the end of the month she said the earlier the better oh and set up the q1 estimated payment it's due april fifteenth",
 "MEDIUM", [
  ("Find last year's 1099 from the brokerage", "T", "+0", None, "M", None, None),
  ("Scan the home office receipts", "T", "+1", None, "M", None, None),
  ("Send the tax documents to Linda", "T", "eom", None, "M", None, "Linda"),
  ("Set up the Q1 estimated tax payment", "T", "2026-04-15", None, "M", None, None)]),

("sn-009", "2026-07-01T12:30:00", "Europe/London",
 "note to self the school emailed the uniform list for september so we need to buy the new uniform sometime over the summer and i should order the name labels now because they take ages to arrive also hannah wants to try out for the swimming club and the trials are on the fourteenth at four",
 "MEDIUM", [
  ("Buy the new school uniform", "T", None, None, "M", None, None),
  ("Order the name labels", "T", "+0", None, "M", None, None),
  ("Hannah's swimming club trials", "E", "dom:14", "16:00", "M", None, None)]),

("sn-010", "2026-08-17T08:50:00", "America/Los_Angeles",
 "okay to do list for today call the landlord about the dishwasher pay the electric bill renew my parking permit pick up the dry cleaning email sofia the slides from friday book a haircut return the library books and um buy dog food we're almost out",
 "MEDIUM", [
  ("Call the landlord about the dishwasher", "T", "+0", None, "M", None, None),
  ("Pay the electric bill", "T", "+0", None, "M", None, None),
  ("Renew my parking permit", "T", "+0", None, "M", None, None),
  ("Pick up the dry cleaning", "T", "+0", None, "M", None, None),
  ("Email Sofia the slides from Friday", "T", "+0", None, "M", None, "Sofia"),
  ("Book a haircut", "T", "+0", None, "M", None, None),
  ("Return the library books", "T", "+0", None, "M", None, None),
  ("Buy dog food", "T", "+0", None, "M", None, None)]),

("sn-011", "2026-09-03T15:15:00", "Asia/Kolkata",
 "um the quarterly review with the leadership team got moved to monday at eleven so i need to finish the revenue slides by friday and ask arjun to pull the churn numbers from the dashboard by tomorrow evening also we should book the big conference room for the review",
 "MEDIUM", [
  ("Quarterly review with the leadership team", "E", "wd:mon", "11:00", "M", None, None),
  ("Finish the revenue slides", "T", "wd:fri", None, "M", None, None),
  ("Pull the churn numbers from the dashboard", "T", "+1", None, "M", "Arjun", None),
  ("Book the big conference room for the review", "T", None, None, "M", None, None)]),

("sn-012", "2026-10-12T20:05:00", "Europe/London",
 "idea for the app what if the shopping list sorted itself by the aisles in whichever supermarket you're standing in like it learns the layout from the order people tick things off you wouldn't need any setup it would just get better the more people used it in that shop might be nothing but i like it",
 "LOW", []),

("sn-013", "2026-11-05T10:40:00", "America/New_York",
 "so for the henderson matter the deposition is on the nineteenth at ten in the morning i need to prepare the exhibit binders and send the notice to opposing council by monday and tell marcus he needs to review the draft interrogatories and we have to file the motion to compel by the twenty fourth this is really important we cannot miss that",
 "HIGH", [
  ("Henderson deposition", "E", "dom:19", "10:00", "M", None, None),
  ("Prepare the exhibit binders", "T", None, None, "M", None, None),
  ("Send the notice to opposing counsel", "T", "wd:mon", None, "M", None, None),
  ("Review the draft interrogatories", "T", None, None, "M", "Marcus", None),
  ("File the motion to compel", "T", "dom:24", None, "H", None, None)]),

("sn-014", "2026-01-26T18:20:00", "Australia/Sydney",
 "barbecue at ours on saturday at two so i need to pick up the meat from the butcher on friday i've already ordered it and grab ice and charcoal saturday morning and remind me to text the group chat the address because half of them have never been here",
 "MEDIUM", [
  ("Barbecue at ours", "E", "wd:sat", "14:00", "M", None, None),
  ("Pick up the meat from the butcher", "T", "wd:fri", None, "M", None, None),
  ("Buy ice and charcoal", "T", "wd:sat", None, "M", None, None),
  ("Text the group chat the address", "T", None, None, "M", None, None)]),

("sn-015", "2026-02-11T07:45:00", "Europe/London",
 "right so the hospital sent mum's appointment letter to the old address the outpatients clinic is on the twenty third at two fifteen i need to ring them to confirm it to day and update her address while i'm on and tell rob he needs to sort out her blue badge renewal",
 "MEDIUM", [
  ("Call the hospital to confirm Mum's appointment and update her address", "T", "+0", None, "M", None, None),
  ("Mum's outpatients clinic appointment", "E", "dom:23", "14:15", "M", None, None),
  ("Sort out Mum's blue badge renewal", "T", None, None, "M", "Rob", None)]),

("sn-016", "2026-03-27T17:30:00", "America/New_York",
 "okay for the lisbon trip the flights are booked but i still need to book the hotel for the three nights and check whether my passport expires before september i think it does so that's urgent and ask carla to feed the cat while we're away oh and get some euros no rush on that one",
 "HIGH", [
  ("Book the Lisbon hotel for three nights", "T", None, None, "M", None, None),
  ("Check the passport expiry date", "T", None, None, "H", None, None),
  ("Feed the cat while we're away", "T", None, None, "M", "Carla", None),
  ("Get some euros", "T", None, None, "L", None, None)]),

("sn-017", "2026-04-07T09:10:00", "Europe/London",
 "quick recap of the standup so the checkout bug is fixed and deployed nadia finished the onboarding screens and they look great tom is still blocked on the api keys from the vendor but they've promised them this week overall we're on track for the release and everyone seemed in a good mood",
 "LOW", []),

("sn-018", "2026-05-19T21:15:00", "Europe/Berlin",
 "things for the move on the thirtieth the uh cancel the internet contract set up mail forwarding at the post office book the van today get boxes from the supermarket defrost the freezer on the twenty ninth and um give notice to the jim and send the new address to oma",
 "MEDIUM", [
  ("Cancel the internet contract", "T", None, None, "M", None, None),
  ("Set up mail forwarding at the post office", "T", None, None, "M", None, None),
  ("Book the moving van", "T", "+0", None, "M", None, None),
  ("Get boxes from the supermarket", "T", None, None, "M", None, None),
  ("Defrost the freezer", "T", "dom:29", None, "M", None, None),
  ("Give notice to the gym", "T", None, None, "M", None, None),
  ("Send the new address to Oma", "T", None, None, "M", None, "Oma")]),

("sn-019", "2026-06-24T14:00:00", "America/New_York",
 "unit three on the roof at the baker street site the compressor's drawing high amps probably the capacitor i replaced the filter and it's running for now but i need to order a forty five five capacitor and come back monday to swap it also tell the building manager karen the unit might trip again in the heat",
 "MEDIUM", [
  ("Order a 45/5 capacitor", "T", None, None, "M", None, None),
  ("Go back to Baker Street to swap the capacitor", "T", "wd:mon", None, "M", None, None),
  ("Tell Karen the unit might trip again in the heat", "T", None, None, "M", None, "Karen")]),

("sn-020", "2026-07-15T08:00:00", "America/Los_Angeles",
 "so the doctor started me on the new blood pressure pills today and i have to get a blood test at the lab in two weeks to check my kidneys and i need to cancel thursday's physio today because it clashes with the school run and ask the pharmacy if they can do the pills in blister packs",
 "MEDIUM", [
  ("Get a blood test at the lab", "T", "+14", None, "M", None, None),
  ("Cancel Thursday's physio", "T", "+0", None, "M", None, None),
  ("Ask the pharmacy about blister packs for the pills", "T", None, None, "M", None, None)]),

("sn-021", "2026-08-28T18:45:00", "Europe/London",
 "remind me to pay the credit card bill before the end of the month or they'll charge interest and i need to move five hundred quid into the savings account also by the new printer ink for the office no rush and check why the council tax went up",
 "MEDIUM", [
  ("Pay the credit card bill", "T", "eom", None, "M", None, None),
  ("Move £500 into the savings account", "T", None, None, "M", None, None),
  ("Buy new printer ink for the office", "T", None, None, "L", None, None),
  ("Check why the council tax went up", "T", None, None, "M", None, None)]),

("sn-022", "2026-09-14T12:10:00", "Australia/Sydney",
 "had lunch with my old boss today she's leaving the company after twelve years and going to teach sailing up the coast which honestly sounds amazing we talked a lot about how the team's changed she still remembers my first presentation which was a disaster funny how those things stick",
 "LOW", []),

("sn-023", "2026-10-02T07:30:00", "America/New_York",
 "okay grading plan i've got thirty two essays from period three to finish by monday and i need to email the parents of the kids who haven't turned in the permission forms and ask mr alvarez to cover my class on wednesday afternoon because of the training oh and make copies of the unit test",
 "MEDIUM", [
  ("Finish grading the period three essays", "T", "wd:mon", None, "M", None, None),
  ("Email the parents about the missing permission forms", "T", None, None, "M", None, None),
  ("Cover my class on Wednesday afternoon", "T", "wd:wed", None, "M", "Mr Alvarez", None),
  ("Make copies of the unit test", "T", None, None, "M", None, None)]),

("sn-024", "2026-11-23T16:20:00", "Europe/London",
 "this is really important the client's server certificate expires on wednesday so we need to renew it by tuesday at the latest i'll do that tomorrow morning first thing and then send the new fingerprint to gareth at hollis bank also someone has to chase the missing purchase order from hollis it's been three weeks",
 "HIGH", [
  ("Renew the client's server certificate", "T", "+1", None, "H", None, None),
  ("Send the new certificate fingerprint to Gareth", "T", "+1", None, "H", None, "Gareth"),
  ("Chase the missing purchase order from Hollis Bank", "T", None, None, "M", None, "Hollis Bank")]),

("sn-025", "2026-12-08T19:00:00", "Europe/Berlin",
 "christmas stuff i still have to order the lego set lukas wanted before the fifteenth or it won't arrive in time and pick up the goose from the butcher on the twenty third also write the cards whenever i get a minute and ask jana to bring her raclette grill for new year's eve",
 "MEDIUM", [
  ("Order the Lego set for Lukas", "T", "dom:15", None, "M", None, None),
  ("Pick up the goose from the butcher", "T", "dom:23", None, "M", None, None),
  ("Write the Christmas cards", "T", None, None, "L", None, None),
  ("Bring her raclette grill for New Year's Eve", "T", "2026-12-31", None, "M", "Jana", None)]),

("sn-026", "2026-01-30T10:05:00", "Europe/London",
 "follow up from the call with the procurement team at greenfield councils they want a revised proposal with the maintenance costs broken out so i need to get that to them by wednesday and we've got a call with their finance director rachel moss next thursday at two also remember to update the crm",
 "MEDIUM", [
  ("Send the revised proposal to Greenfield Council", "T", "wd:wed", None, "M", None, "Greenfield Council"),
  ("Call with Rachel Moss", "E", "next:thu", "14:00", "M", None, "Rachel Moss"),
  ("Update the CRM", "T", None, None, "M", None, None)]),

("sn-027", "2026-02-16T08:25:00", "America/New_York",
 "the kitchen faucet is dripping again so i need to buy a new cartridge but take a picture of the model number first also the smoke detector in the hallway keeps chirping so replace the battery tonight and call a plumber about the water heater making that banging noise when i get a chance",
 "MEDIUM", [
  ("Take a picture of the faucet model number", "T", None, None, "M", None, None),
  ("Buy a new cartridge for the kitchen faucet", "T", None, None, "M", None, None),
  ("Replace the smoke detector battery", "T", "+0", None, "M", None, None),
  ("Call a plumber about the banging water heater", "T", None, None, "L", None, None)]),

("sn-028", "2026-03-04T13:40:00", "Asia/Kolkata",
 "need to finish the appraisal forms for my team by end of day today hr has been chasing and send the training budget request to meera asap also the offsite is on the twentieth so we should book the bus sometime soon",
 "HIGH", [
  ("Finish the appraisal forms for my team", "T", "+0", None, "H", None, None),
  ("Send the training budget request to Meera", "T", None, None, "H", None, "Meera"),
  ("Team offsite", "E", "dom:20", None, "M", None, None),
  ("Book the bus for the offsite", "T", None, None, "M", None, None)]),

("sn-029", "2026-04-22T23:10:00", "Europe/London",
 "can't sleep so i'm just going to talk for a bit work was fine the new manager seems decent i think i'm worried about dad though he sounded tired on the phone and he keeps saying he's fine which is what he always says maybe its nothing i'll see him in may anyway",
 "LOW", []),

("sn-030", "2026-05-29T11:00:00", "Australia/Sydney",
 "so grandma's eightieth is on the sixth we said lunch at the italian place at twelve thirty i need to call them to book a table for fourteen and ask uncle peter to bring the photo albums and we should get a cake ordered by wednesday oh and tell the cousins",
 "MEDIUM", [
  ("Grandma's eightieth birthday lunch", "E", "dom:6", "12:30", "M", None, None),
  ("Call the Italian restaurant to book a table for fourteen", "T", None, None, "M", None, None),
  ("Bring the photo albums", "T", None, None, "M", "Uncle Peter", None),
  ("Order a cake", "T", "wd:wed", None, "M", None, None),
  ("Tell the cousins about the lunch", "T", None, None, "M", None, None)]),

("sn-031", "2026-06-08T08:40:00", "Europe/Berlin",
 "ticket from the dental practice on the high street their reception pc won't boot i think the ssd is dying so i'm going over there tomorrow at eight before they open and i need to bring a spare drive and the backup image also ask stefan to order two more ssds for stock",
 "MEDIUM", [
  ("Fix the reception PC at the dental practice", "E", "+1", "08:00", "M", None, None),
  ("Bring a spare drive and the backup image", "T", "+1", None, "M", None, None),
  ("Order two more SSDs for stock", "T", None, None, "M", "Stefan", None)]),

("sn-032", "2026-07-20T17:50:00", "Europe/London",
 "thoughts after the workshop the main thing people struggled with was the login flow not the editor like we assumed three of the five participants gave up at the email verification step and nobody read the tooltip so the problem is earlier in the journey than we thought",
 "LOW", []),

("sn-033", "2026-08-05T09:55:00", "America/New_York",
 "so i opened the mail and the insurance denied the claim for the mri they're saying it wasn't pre authorized which is nonsense because the hospital told me they'd sorted all of that before the scan and i have the name of the woman i spoke to written down somewhere so i've got to call them and ask for the itemized reason and ask doctor okafor to write a letter of medical necessity the a peel has to be in within thirty days so that's pretty urgent i really don't want to be stuck with a three thousand dollar bill um and also while i'm thinking about it i need to pay the copay for the er visit from last month before they send it to collections",
 "HIGH", [
  ("Call the insurance company about the denied MRI claim", "T", None, None, "M", None, None),
  ("Write a letter of medical necessity", "T", None, None, "M", "Dr Okafor", None),
  ("Submit the appeal for the MRI claim", "T", "+30", None, "H", None, None),
  ("Pay the ER copay", "T", None, None, "M", None, None)]),

("sn-034", "2026-09-25T13:15:00", "Europe/London",
 "oh and don't forget the car's mot runs out on the second of october so book it in at the garage before then and i need to renew the car insurance as well that's due at the end of the month",
 "MEDIUM", [
  ("Book the car in for its MOT", "T", "2026-10-02", None, "M", None, None),
  ("Renew the car insurance", "T", "eom", None, "M", None, None)]),

("sn-035", "2026-10-19T08:05:00", "America/Los_Angeles",
 "okay list for this week um review sam's pull request fix the flaky login test update the on call rota write the postmortem for friday's outage send it to the whole team reply to the recruiter book flights for the offsite in denver renew the ssl cert on staging and order a new monitor stand",
 "MEDIUM", [
  ("Review Sam's pull request", "T", None, None, "M", None, None),
  ("Fix the flaky login test", "T", None, None, "M", None, None),
  ("Update the on-call rota", "T", None, None, "M", None, None),
  ("Write the postmortem for Friday's outage", "T", None, None, "M", None, None),
  ("Send the postmortem to the whole team", "T", None, None, "M", None, None),
  ("Reply to the recruiter", "T", None, None, "M", None, None),
  ("Book flights for the Denver offsite", "T", None, None, "M", None, None),
  ("Renew the SSL certificate on staging", "T", None, None, "M", None, None),
  ("Order a new monitor stand", "T", None, None, "M", None, None)]),

("sn-036", "2026-11-13T15:30:00", "Europe/Berlin",
 "my flight to madrid is on tuesday at seven ten in the morning so i need to check in online tomorrow and print the boarding pass and remind me to ask the hotel for a late check out also by a travel adapter the one i had broke",
 "MEDIUM", [
  ("Flight to Madrid", "E", "wd:tue", "07:10", "M", None, None),
  ("Check in online for the Madrid flight", "T", "+1", None, "M", None, None),
  ("Print the boarding pass", "T", "+1", None, "M", None, None),
  ("Ask the hotel for a late checkout", "T", None, None, "M", None, None),
  ("Buy a travel adapter", "T", None, None, "M", None, None)]),

("sn-037", "2026-12-01T10:20:00", "America/New_York",
 "i need to get the will updated now that the baby's here so call mr feldman at the law office and set up a meeting also we should add her to the life insurance as a beneficiary and look into opening a college savings account no rush on that last one",
 "MEDIUM", [
  ("Call Mr Feldman to set up a meeting about updating the will", "T", None, None, "M", None, "Mr Feldman"),
  ("Add the baby as a beneficiary on the life insurance", "T", None, None, "M", None, None),
  ("Look into opening a college savings account", "T", None, None, "L", None, None)]),

("sn-038", "2026-02-25T18:00:00", "Australia/Sydney",
 "so the fizz io said my shoulder is healing better than expected the range of motion is almost back to normal and she's happy for me to start swimming again in a couple of weeks which is great news i've been really missing the pool",
 "LOW", []),

("sn-039", "2026-03-16T12:45:00", "Europe/London",
 "can you um no okay so note for me the supplier meeting isn't this wednesday anymore it's wednesday the twenty fifth at ten sorry i mean eleven and i need to bring the revised forecasts to it and ask jo to print the contracts by tuesday",
 "MEDIUM", [
  ("Supplier meeting", "E", "2026-03-25", "11:00", "M", None, None),
  ("Bring the revised forecasts to the supplier meeting", "T", "2026-03-25", None, "M", None, None),
  ("Print the contracts", "T", "wd:tue", None, "M", "Jo", None)]),

("sn-040", "2026-04-29T07:20:00", "America/New_York",
 "morning brain dump first the trash goes out tonight don't forget the recycling too um pay the babysitter sixty dollars for last night urgently she's been asking and sometime whenever let's repaint the guest room and make sure to renew the library card before it expires on friday",
 "HIGH", [
  ("Take out the trash and recycling", "T", "+0", None, "M", None, None),
  ("Pay the babysitter $60 for last night", "T", None, None, "H", None, None),
  ("Repaint the guest room", "T", None, None, "L", None, None),
  ("Renew the library card", "T", "wd:fri", None, "M", None, None)]),
]
