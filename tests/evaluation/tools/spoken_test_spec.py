# Spec for spoken-notes/test.json (held out). Task tuple:
# (action, kind T/E, due spec, dueTime, priority H/M/L, assignee, recipient)
NOTES = [
("sn-041", "2026-01-09T16:55:00", "Europe/London",
 "right it's friday afternoon and i'm fried so for next week um get the contract amendments back to olu by friday at the latest and tell ben he's got to finish the risk log before the steering group on tuesday at ten thirty and honestly the expenses can wait no rush",
 "MEDIUM", [
  ("Send the contract amendments back to Olu", "T", "wd:fri", None, "M", None, "Olu"),
  ("Finish the risk log", "T", "wd:tue", None, "M", "Ben", None),
  ("Steering group meeting", "E", "wd:tue", "10:30", "M", None, None),
  ("Submit the expenses", "T", None, None, "L", None, None)]),

("sn-042", "2026-02-22T20:30:00", "America/New_York",
 "okay sunday night planning the plumber's coming tuesday at eight in the morning to look at the boiler so i'm working from home that day the kids have the dentist this wednesday at a quarter to four and i need to pay the water bill tomorrow it's overdue so that's urgent",
 "HIGH", [
  ("Plumber visit to look at the boiler", "E", "wd:tue", "08:00", "M", None, None),
  ("Kids' dentist appointment", "E", "wd:wed", "15:45", "M", None, None),
  ("Pay the water bill", "T", "+1", None, "H", None, None)]),

("sn-043", "2026-03-31T09:00:00", "Asia/Kolkata",
 "quick one the gst filing for march has to go in by the end of the month which is literally today so that's top priority ask ravi to send me the purchase register right now and i'll file it this afternoon also set up a call with the ca sometime next week about the audit",
 "HIGH", [
  ("File the March GST return", "T", "eom", None, "H", None, None),
  ("Send me the purchase register", "T", "+0", None, "H", "Ravi", None),
  ("Set up a call with the CA about the audit", "T", None, None, "M", None, None)]),

("sn-044", "2026-04-10T12:15:00", "Australia/Sydney",
 "note on the curry i made last night it was way better with the extra tamarind and less sugar next time i'd toast the cumin first the kids actually ate it which never happens so that one's going in the keeper file with nan's recipes",
 "LOW", []),

("sn-045", "2026-05-12T08:30:00", "Europe/London",
 "job sheet for flat six the consumer unit needs replacing it's an old rewireable fuse board the tenant is fine with us coming back on the twentieth at nine so i need to order the new board and the rcbos today and the uh let the letting agent no the power will be off for most of the day",
 "MEDIUM", [
  ("Replace the consumer unit at flat six", "E", "dom:20", "09:00", "M", None, None),
  ("Order the new consumer unit and RCBOs", "T", "+0", None, "M", None, None),
  ("Let the letting agent know the power will be off", "T", None, None, "M", None, None)]),

("sn-046", "2026-06-03T19:20:00", "America/Los_Angeles",
 "update on the garage sale stuff i don't need to call the church about the tables anymore maria already did it but i still need to price everything by saturday and put the signs up on friday evening and ask my neighbor tom if we can use his driveway",
 "MEDIUM", [
  ("Price everything for the garage sale", "T", "wd:sat", None, "M", None, None),
  ("Put up the garage sale signs", "T", "wd:fri", None, "M", None, None),
  ("Ask Tom if we can use his driveway", "T", None, None, "M", None, "Tom")]),

("sn-047", "2026-07-06T07:10:00", "America/New_York",
 "so before the vacation i have to um stop the mail old the newspaper take the dog to the kernel on friday refill my prescriptions get cash for the tolls charge the camera batteries water the plants download the maps for offline tell the alarm company we're away and lock the back gate",
 "MEDIUM", [
  ("Stop the mail", "T", None, None, "M", None, None),
  ("Put the newspaper on hold", "T", None, None, "M", None, None),
  ("Take the dog to the kennel", "T", "wd:fri", None, "M", None, None),
  ("Refill my prescriptions", "T", None, None, "M", None, None),
  ("Get cash for the tolls", "T", None, None, "M", None, None),
  ("Charge the camera batteries", "T", None, None, "M", None, None),
  ("Water the plants", "T", None, None, "M", None, None),
  ("Download the maps for offline use", "T", None, None, "M", None, None),
  ("Tell the alarm company we're away", "T", None, None, "M", None, None),
  ("Lock the back gate", "T", None, None, "M", None, None)]),

("sn-048", "2026-08-19T14:40:00", "Europe/Berlin",
 "the workshop with the marketing agency is pushed from thursday to next wednesday same time two o'clock and they want the brand guidelines beforehand so send those to lena at the agency by monday and tell felix he needs to prepare the campaign numbers",
 "MEDIUM", [
  ("Workshop with the marketing agency", "E", "next:wed", "14:00", "M", None, None),
  ("Send the brand guidelines to Lena", "T", "wd:mon", None, "M", None, "Lena"),
  ("Prepare the campaign numbers", "T", None, None, "M", "Felix", None)]),

("sn-049", "2026-09-07T21:45:00", "Europe/London",
 "first day of the new term done the year sevens were sew nervous bless them one little lad cried because he couldn't find the lunch hall i think the timetable changes are going to work out better than last year although the staff room coffee machine is still broken which might finish me off",
 "LOW", []),

("sn-050", "2026-10-14T11:30:00", "Australia/Sydney",
 "invoices going out this week um send the invoice for the kitchen refit to mrs morrison by friday and chase the harper invoice it's sixty days overdue now so that's really getting urgent also ask jess to reconcile the september statements when she's back whenever she gets to it",
 "HIGH", [
  ("Send the kitchen refit invoice to Mrs Morrison", "T", "wd:fri", None, "M", None, "Mrs Morrison"),
  ("Chase the overdue Harper invoice", "T", None, None, "H", None, "Harper"),
  ("Reconcile the September statements", "T", None, None, "L", "Jess", None)]),

("sn-051", "2026-11-02T08:00:00", "America/New_York",
 "okay appointments this month the dermatologist is on the ninth at eleven fifteen my annual physical is the eighteenth at eight thirty in the morning and i need to fast the night before so remind me the evening of the seventeenth and the eye doctor wants me back in six months so nothing to do there yet",
 "MEDIUM", [
  ("Dermatologist appointment", "E", "dom:9", "11:15", "M", None, None),
  ("Annual physical", "E", "dom:18", "08:30", "M", None, None),
  ("Start fasting for the physical", "T", "dom:17", None, "M", None, None)]),

("sn-052", "2026-12-14T17:05:00", "Europe/London",
 "call notes with priya sharma from kestrel foods um so overall really positive she's happy with the pilot the drivers actually like the app which apparently never happens and the missed delivery rate went down by about a third in the depot we tested so they want to roll it out to their other three sites in january the only pushback was on price per vehicle she thinks it's steep for the smaller sites so i need to send her the updated pricing with a volume tier by christmas eve this is top priority for the quarter honestly if this lands we hit our number and then book a site visit to their leeds depot for the first week of january and loop in our ops lead because they'll have to plan the rollout and training",
 "HIGH", [
  ("Send Priya Sharma the updated pricing with a volume tier", "T", "2026-12-24", None, "H", None, "Priya Sharma"),
  ("Book a site visit to the Kestrel Foods Leeds depot", "T", None, None, "M", None, None),
  ("Loop in our ops lead on the Kestrel rollout", "T", None, None, "M", None, None)]),

("sn-053", "2026-01-19T10:45:00", "Europe/Berlin",
 "the washing machine is leaking again from the um from the door seal i think so i was going to call the repair guy but no actually first check if it's still under warranty the receipt should be in the blue folder and if it is the shop has to fix it for free so call them",
 "MEDIUM", [
  ("Check if the washing machine is still under warranty", "T", None, None, "M", None, None),
  ("Call the shop about the leaking washing machine", "T", None, None, "M", None, None)]),

("sn-054", "2026-02-27T13:20:00", "Europe/London",
 "payroll has to be signed off by the end of the month and february's short so that's tomorrow and i'm not working saturday so sign it off today urgently and then on monday send the pension contributions report to dawn at the provider",
 "HIGH", [
  ("Sign off payroll", "T", "+0", None, "H", None, None),
  ("Send the pension contributions report to Dawn", "T", "wd:mon", None, "M", None, "Dawn")]),

("sn-055", "2026-03-18T15:50:00", "America/New_York",
 "okay study plan the chem midterm is on the twenty sixth so i need to redo the practice problems from chapters four to six and go to professor kim's office hours on thursday at one and ask dana to send me her lecture notes from the week i was sick",
 "MEDIUM", [
  ("Chemistry midterm", "E", "dom:26", None, "M", None, None),
  ("Redo the practice problems from chapters four to six", "T", None, None, "M", None, None),
  ("Professor Kim's office hours", "E", "wd:thu", "13:00", "M", None, "Professor Kim"),
  ("Send me her lecture notes from the week I was sick", "T", None, None, "M", "Dana", None)]),

("sn-056", "2026-04-01T08:35:00", "America/Los_Angeles",
 "this is kind of urgent my drivers license expired last week and i have a rental car pickup on the ninth so i have to get a dmv appointment this week and uh bring the too proofs of address and my passport when i go",
 "HIGH", [
  ("Book a DMV appointment to renew my driver's license", "T", None, None, "H", None, None),
  ("Bring two proofs of address and my passport to the DMV", "T", None, None, "H", None, None),
  ("Rental car pickup", "E", "dom:9", None, "M", None, None)]),

("sn-057", "2026-05-25T10:00:00", "Europe/London",
 "half term plans the kids are at my mum's from wednesday till friday so remind me to pack there bags tuesday night and send mum the list of hayley's allergy meds and we should take them to the cinema on saturday once we decide what to see",
 "MEDIUM", [
  ("Pack the kids' bags", "T", "wd:tue", None, "M", None, None),
  ("Send Mum the list of Hayley's allergy meds", "T", None, None, "M", None, "Mum"),
  ("Take the kids to the cinema", "T", "wd:sat", None, "M", None, None)]),

("sn-058", "2026-06-17T18:10:00", "Asia/Kolkata",
 "recap from today's call with the vendor they confirmed the servers will ship by the end of july the pricing stays as quoted and the warranty is three years instead of two which is better than we expected ankit was happy with the terms so that's basically settled",
 "LOW", []),

("sn-059", "2026-07-28T09:25:00", "America/New_York",
 "closing on the house is set for august fourteenth at ten a m at the title company i need to wire the down payment at least two days before so by the twelfth and ask our agent diane to get the final walkthrough scheduled also the homeowners insurance binder has to go to the lender asap",
 "HIGH", [
  ("House closing at the title company", "E", "2026-08-14", "10:00", "M", None, None),
  ("Wire the down payment", "T", "dom:12", None, "M", None, None),
  ("Schedule the final walkthrough", "T", None, None, "M", "Diane", None),
  ("Send the homeowners insurance binder to the lender", "T", None, None, "H", None, None)]),

("sn-060", "2026-08-31T16:00:00", "Australia/Sydney",
 "the vet rang and biscuit's bloods came back fine but she needs her booster vaccination in the next month and they want to do a dental clean so i need to book both ideally on the same day also pick up the flea treatment from the vet on the way home tomorrow",
 "MEDIUM", [
  ("Book Biscuit's booster and dental clean at the vet", "T", None, None, "M", None, None),
  ("Pick up the flea treatment from the vet", "T", "+1", None, "M", None, None)]),

("sn-061", "2026-09-16T07:55:00", "Europe/London",
 "dinner with the hendersons is on saturday at half seven and i said we'd bring dessert so i need to make the tiramisu friday night also the car needs washing at some point and the boiler service man comes tomorrow between eight and twelve",
 "MEDIUM", [
  ("Dinner with the Hendersons", "E", "wd:sat", "19:30", "M", None, "Hendersons"),
  ("Make the tiramisu", "T", "wd:fri", None, "M", None, None),
  ("Wash the car", "T", None, None, "L", None, None),
  ("Boiler service", "E", "+1", "08:00", "M", None, None)]),

("sn-062", "2026-10-21T13:30:00", "Europe/Berlin",
 "lift two at the hospital car park keeps stopping between floors three and four i checked the door sensor and the landing switches and they look fine the error log shows a position fault every time so it's probably the controller or the encoder on the motor i've reset it twice today and it ran for about an hour each time and then stopped again with someone inside the second time which wasn't great so i need to get the diagnostic lap top from the depot and go back friday morning and the uh tell the facilities manager herr braun to keep it out of service until then and put a sign on every floor this is a safety issue so high priority",
 "HIGH", [
  ("Get the diagnostic laptop from the depot", "T", None, None, "H", None, None),
  ("Go back to fix lift two at the hospital car park", "T", "wd:fri", None, "H", None, None),
  ("Keep lift two out of service and put a sign on every floor", "T", None, None, "H", "Herr Braun", None)]),

("sn-063", "2026-11-27T12:00:00", "America/New_York",
 "been thinking we spend way too much on subscriptions there's netflix hulu the gym i never go to two cloud storage plans and that meal kit thing i should go through the bank statement someday and cancel the ones we don't use it's not urgent but it adds up",
 "LOW", [
  ("Go through the bank statement and cancel unused subscriptions", "T", None, None, "L", None, None)]),

("sn-064", "2026-12-29T09:40:00", "Europe/London",
 "we fly to edinburgh the day after tomorrow at six forty in the evening so today i need to book the airport parking and tomorrow sort out the dog sitter also email fiona to confirm we're arriving on the thirty first and that we'll be at hers for new year",
 "MEDIUM", [
  ("Flight to Edinburgh", "E", "+2", "18:40", "M", None, None),
  ("Book the airport parking", "T", "+0", None, "M", None, None),
  ("Sort out the dog sitter", "T", "+1", None, "M", None, None),
  ("Email Fiona to confirm we're arriving on the 31st", "T", None, None, "M", None, "Fiona")]),

("sn-065", "2026-01-05T08:05:00", "America/Los_Angeles",
 "new year new me okay so i need to cancel the gym i never go to sign up for the pottery glass before it fills up the deadline's the fifteenth and call my sister it's her birthday on thursday and we should finally sort out the garage at some point this month",
 "MEDIUM", [
  ("Cancel the gym membership", "T", None, None, "M", None, None),
  ("Sign up for the pottery class", "T", "dom:15", None, "M", None, None),
  ("Call my sister for her birthday", "T", "wd:thu", None, "M", None, None),
  ("Sort out the garage", "T", None, None, "L", None, None)]),

("sn-066", "2026-02-10T14:25:00", "Australia/Sydney",
 "okay after the call with tom at brightline they need the security questionnaire filled in so ask aisha to do the technical sections by thursday and i'll do the commercial bits then send the whole thing back to tom by monday also they mentioned a competitor is undercutting us so we should talk pricing with steve",
 "MEDIUM", [
  ("Fill in the technical sections of the security questionnaire", "T", "wd:thu", None, "M", "Aisha", None),
  ("Fill in the commercial sections of the security questionnaire", "T", None, None, "M", None, None),
  ("Send the completed security questionnaire to Tom", "T", "wd:mon", None, "M", None, "Tom"),
  ("Talk to Steve about pricing", "T", None, None, "M", None, "Steve")]),

("sn-067", "2026-03-06T22:30:00", "Europe/London",
 "today was one of those days where nothing went right the train was cancelled i spilled coffee on my notes and the presentation got cut to ten minutes but weirdly it went fine and my manager said it was the clearest update she's had all quarter so i'll take that",
 "LOW", []),

("sn-068", "2026-04-14T11:10:00", "America/New_York",
 "okay so the doctors are happy with dad's recovery which is a huge relief the new hip is doing well and he's already walking up and down the ward with the frame and flirting with the nurses apparently so i'm picking dad up from the hospital on friday when he's discharged and i can get his prescriptions from the hospital pharmacy while i'm there the physical therapist is doing a home visit in three days to check the stairs and see if he needs a second banister um and i should call his neighbor gloria to let her know he's coming home she's been collecting his mail and watering his tomatoes bless her and ask kevin to put the rails in the bathroom this weekend he already bought them so it's just the drilling",
 "MEDIUM", [
  ("Pick Dad up from the hospital", "T", "wd:fri", None, "M", None, None),
  ("Get Dad's prescriptions from the hospital pharmacy", "T", "wd:fri", None, "M", None, None),
  ("Physical therapist home visit", "E", "+3", None, "M", None, None),
  ("Call Gloria to let her know Dad is coming home", "T", None, None, "M", None, "Gloria"),
  ("Put the rails in the bathroom", "T", "wkend", None, "M", "Kevin", None)]),

("sn-069", "2026-05-07T06:50:00", "Asia/Kolkata",
 "the production server went down at three a m and the client's already escalated so top priority today is the root cause analysis i need to get it to mr iyer before noon and ask deepak to check why the disc space alerts didn't fire and we need a call with the hosting provider asap",
 "HIGH", [
  ("Send the root cause analysis to Mr Iyer", "T", "+0", "12:00", "H", None, "Mr Iyer"),
  ("Check why the disk space alerts didn't fire", "T", None, None, "M", "Deepak", None),
  ("Set up a call with the hosting provider", "T", None, None, "H", None, None)]),

("sn-070", "2026-06-29T15:05:00", "Europe/London",
 "quotes for the bathroom came in the first one is eight and a half thousand the second is just over eleven but it includes tiling so i want to ring the first guy steve back and ask if tiling is extra and get a third quote from the company jenny used and we should decide by the end of next week",
 "MEDIUM", [
  ("Call Steve to ask if tiling is extra", "T", None, None, "M", None, "Steve"),
  ("Get a third bathroom quote from the company Jenny used", "T", None, None, "M", None, None),
  ("Decide on a bathroom quote", "T", "eonw", None, "M", None, None)]),

("sn-071", "2026-07-17T10:30:00", "Europe/Berlin",
 "notes from the podcast about sleep the guy said keeping the bedroom cool matters more than most people think and that caffeine after two in the afternoon still affects deep sleep even if you fall asleep fine also morning light helps set the body clock interesting stuff",
 "LOW", []),

("sn-072", "2026-08-10T09:15:00", "America/New_York",
 "okay money stuff the car payment comes out on the fifteenth so move money into checking before then the property tax bill is do september first and i want to dispute that four hundred dollar charge from the hotel in chicago it's definitely wrong so do that today",
 "MEDIUM", [
  ("Move money into checking", "T", "dom:15", None, "M", None, None),
  ("Pay the property tax bill", "T", "2026-09-01", None, "M", None, None),
  ("Dispute the $400 charge from the Chicago hotel", "T", "+0", None, "M", None, None)]),

("sn-073", "2026-09-22T19:45:00", "Australia/Sydney",
 "got an email from miss tran noah's reading is a bit behind so she suggested we read together for twenty minutes every night and she wants a meeting next tuesday at three fifteen i need to reply and say that works also ask liam if he can do pick up that they",
 "MEDIUM", [
  ("Read with Noah for twenty minutes every night", "T", None, None, "M", None, None),
  ("Meeting with Miss Tran about Noah's reading", "E", "next:tue", "15:15", "M", None, "Miss Tran"),
  ("Reply to Miss Tran to confirm the meeting", "T", None, None, "M", None, "Miss Tran"),
  ("Do the school pick-up", "T", "next:tue", None, "M", "Liam", None)]),

("sn-074", "2026-10-30T08:20:00", "Europe/London",
 "three jobs today first the restaurant on mill lane for the mice follow up then the school at eleven for the wasps nest and the flat above the chemist at two also remind me to restock the bait boxes in the van and send the mill lane report to their manager marco by monday",
 "MEDIUM", [
  ("Mice follow-up at the Mill Lane restaurant", "E", "+0", None, "M", None, None),
  ("Wasps' nest at the school", "E", "+0", "11:00", "M", None, None),
  ("Job at the flat above the chemist", "E", "+0", "14:00", "M", None, None),
  ("Restock the bait boxes in the van", "T", None, None, "M", None, None),
  ("Send the Mill Lane report to Marco", "T", "wd:mon", None, "M", None, "Marco")]),

("sn-075", "2026-11-16T13:00:00", "America/New_York",
 "so the green card interview notice came the interview is december third at nine forty five in the morning and we need to bring the originals of everything so i need to get a certified coffee of the marriage certificate and ask our lawyer ms chen to review the file before then this is super important we can't miss it",
 "HIGH", [
  ("Green card interview", "E", "2026-12-03", "09:45", "H", None, None),
  ("Get a certified copy of the marriage certificate", "T", None, None, "M", None, None),
  ("Review the file before the interview", "T", "2026-12-03", None, "M", "Ms Chen", None)]),

("sn-076", "2026-12-21T18:30:00", "Europe/Berlin",
 "okay so tomorrow morning i have to pick up the tree stand from papa and then wrap the kids presents tomorrow night after they're asleep and ask tobias to get the raclette cheese from the market on wednesday also call oma on christmas day at around five",
 "MEDIUM", [
  ("Pick up the tree stand from Papa", "T", "+1", None, "M", None, "Papa"),
  ("Wrap the kids' presents", "T", "+1", None, "M", None, None),
  ("Get the raclette cheese from the market", "T", "wd:wed", None, "M", "Tobias", None),
  ("Call Oma", "T", "2026-12-25", "17:00", "M", None, "Oma")]),

("sn-077", "2026-01-22T12:40:00", "Europe/London",
 "for the analyst role we've got four candidates left i need to send the case study to the two strongest by tomorrow and schedule their second interviews for next week and ask kemi to join the interview panel also the job ad for the senior role needs rewriting at some point",
 "MEDIUM", [
  ("Send the case study to the two strongest candidates", "T", "+1", None, "M", None, None),
  ("Schedule the second interviews", "T", None, None, "M", None, None),
  ("Join the interview panel", "T", None, None, "M", "Kemi", None),
  ("Rewrite the job ad for the senior role", "T", None, None, "L", None, None)]),

("sn-078", "2026-02-04T16:15:00", "America/New_York",
 "grocery run tonight we need um eggs spinach the good yogurt and coffee filters and i've gotta return the amazon package at the u p s store before seven or it goes back to the warehouse and i lose the refund",
 "MEDIUM", [
  ("Buy groceries: eggs, spinach, yogurt and coffee filters", "T", "+0", None, "M", None, None),
  ("Return the Amazon package at the UPS store", "T", "+0", "19:00", "M", None, None)]),

("sn-079", "2026-03-12T09:05:00", "Australia/Sydney",
 "thinking about pricing for the cafe the breakfast trade is solid but afternoons are dead maybe a cheaper afternoon menu or a loyalty card could fill that gap the bakery down the road does a coffee and cake deal and they always seem busy around three",
 "LOW", []),

("sn-080", "2026-04-27T07:35:00", "Europe/London",
 "right things for this week book the smear test pick up the repeat prescription from boots on chews day ask the gp surgery for my blood results ring the physio to move friday's session cancel the gym induction and the uh by a new foam roller",
 "MEDIUM", [
  ("Book the smear test", "T", None, None, "M", None, None),
  ("Pick up the repeat prescription from Boots", "T", "wd:tue", None, "M", None, None),
  ("Ask the GP surgery for my blood results", "T", None, None, "M", None, None),
  ("Call the physio to move Friday's session", "T", None, None, "M", None, None),
  ("Cancel the gym induction", "T", None, None, "M", None, None),
  ("Buy a new foam roller", "T", None, None, "M", None, None)]),

("sn-081", "2026-05-15T17:20:00", "America/New_York",
 "so the launch review is on wednesday no sorry thursday at four and i still haven't got the final screenshots from the design team so ask marcus to chase them by monday and i need to update the press release with the new pricing before the review",
 "MEDIUM", [
  ("Launch review", "E", "wd:thu", "16:00", "M", None, None),
  ("Chase the final screenshots from the design team", "T", "wd:mon", None, "M", "Marcus", None),
  ("Update the press release with the new pricing", "T", "wd:thu", None, "M", None, None)]),

("sn-082", "2026-06-05T11:45:00", "Asia/Kolkata",
 "trip to singapore for the conference is on the twenty second the flights are booked but i need to apply for the visa this week apparently it takes five working days so that's urgent also ask vikram from the travel desk to book a hotel near the venue and get some singapore dollars no hurry",
 "HIGH", [
  ("Trip to Singapore for the conference", "E", "dom:22", None, "M", None, None),
  ("Apply for the Singapore visa", "T", None, None, "H", None, None),
  ("Book a hotel near the conference venue", "T", None, None, "M", "Vikram", None),
  ("Get some Singapore dollars", "T", None, None, "L", None, None)]),

("sn-083", "2026-07-09T20:00:00", "Europe/London",
 "we took mum to the seaside today first time since her hip operation and i was a bit nervous about it because the car park is quite a way from the front but she managed the whole promenade with her stick only stopping twice and had fish and chips on the peer and fed half of hers to the seagulls which she pretended was an accident she kept saying how much she'd missed the sea air and the noise of the arcades and that she used to bring us here when we were tiny and i'd forgotten most of that it was lovely to see her so happy and she slept the whole way home",
 "LOW", []),

("sn-084", "2026-08-24T08:10:00", "America/Los_Angeles",
 "install at the garcia house is wednesday at seven thirty a m and we still need the permit from the city so call the permit office first thing this morning and make sure the inverter is on the truck tuesday afternoon and tell jose he's leading the crew since i'm in training that day",
 "MEDIUM", [
  ("Solar install at the Garcia house", "E", "wd:wed", "07:30", "M", None, None),
  ("Call the permit office about the permit", "T", "+0", None, "M", None, None),
  ("Load the inverter on the truck", "T", "wd:tue", None, "M", None, None),
  ("Lead the crew at the Garcia install", "T", "wd:wed", None, "M", "Jose", None)]),

("sn-085", "2026-09-09T14:50:00", "Europe/Berlin",
 "the landlord wants the rent increase confirmed in writing by the fifteenth i'm not happy about it but okay so write the letter to herr schmidt this weekend and ask sophie to check whether the increase is even legal under the rent cap she knows that stuff",
 "MEDIUM", [
  ("Write the letter to Herr Schmidt confirming the rent increase", "T", "wkend", None, "M", None, "Herr Schmidt"),
  ("Check whether the rent increase is legal under the rent cap", "T", None, None, "M", "Sophie", None)]),

("sn-086", "2026-10-05T10:10:00", "America/New_York",
 "pipeline review um the acme renewal is safe so nothing there for the bluewater deal i need to send the revised contract to their legal team by thursday and get a reference customer lined up for them and at some point update the forecast sheet for q4 whenever i get a minute",
 "MEDIUM", [
  ("Send the revised contract to Bluewater's legal team", "T", "wd:thu", None, "M", None, "Bluewater"),
  ("Line up a reference customer for Bluewater", "T", None, None, "M", None, None),
  ("Update the Q4 forecast sheet", "T", None, None, "L", None, None)]),

("sn-087", "2026-11-10T08:45:00", "Europe/London",
 "okay brain dump renew the tv licence order more printer paper ring the counsel about the bin collection email the school about the trip money pay the window cleaner pick up the parcel from the post office sort the car tacks and um book the christmas party venue by friday",
 "MEDIUM", [
  ("Renew the TV licence", "T", None, None, "M", None, None),
  ("Order more printer paper", "T", None, None, "M", None, None),
  ("Call the council about the bin collection", "T", None, None, "M", None, None),
  ("Email the school about the trip money", "T", None, None, "M", None, None),
  ("Pay the window cleaner", "T", None, None, "M", None, None),
  ("Pick up the parcel from the post office", "T", None, None, "M", None, None),
  ("Sort out the car tax", "T", None, None, "M", None, None),
  ("Book the Christmas party venue", "T", "wd:fri", None, "M", None, None)]),

("sn-088", "2026-12-03T21:00:00", "Australia/Sydney",
 "reports are due to the principal by next friday so i need to finish the comments for my year five class and the awards assembly is on the eleventh at nine i should ask mrs lee if she can print the certificates and um remind the kids to bring back their library books",
 "MEDIUM", [
  ("Finish the year five report comments", "T", "next:fri", None, "M", None, None),
  ("Awards assembly", "E", "dom:11", "09:00", "M", None, None),
  ("Print the award certificates", "T", None, None, "M", "Mrs Lee", None),
  ("Remind the kids to bring back their library books", "T", None, None, "M", None, None)]),

("sn-089", "2026-01-28T13:55:00", "Asia/Kolkata",
 "some thoughts on the migration project looking back we underestimated the data cleanup by about three weeks and the vendor documentation was mostly out of date but the team pulled together really well and the cutover weekend went smoother than anyone expected",
 "LOW", []),

("sn-090", "2026-02-18T10:30:00", "Europe/London",
 "the online form for the hospital parking permit closes tonight so do that today and i need to call the pharmacy at noon about mum's blister packs and um there's the audiology appointment on monday at twenty past two",
 "MEDIUM", [
  ("Fill in the hospital parking permit form", "T", "+0", None, "M", None, None),
  ("Call the pharmacy about Mum's blister packs", "T", "+0", "12:00", "M", None, None),
  ("Audiology appointment", "E", "wd:mon", "14:20", "M", None, None)]),

("sn-091", "2026-03-26T18:40:00", "America/New_York",
 "the basement flooded a little with all the rain so we need to get the sump pump looked at this week ask eli to move the boxes off the floor tonight and i'll call the insurance tomorrow to see if it's covered also we should buy a dehumidifier no rush",
 "MEDIUM", [
  ("Get the sump pump looked at", "T", None, None, "M", None, None),
  ("Move the boxes off the basement floor", "T", "+0", None, "M", "Eli", None),
  ("Call the insurance about the basement flooding", "T", "+1", None, "M", None, None),
  ("Buy a dehumidifier", "T", None, None, "L", None, None)]),

("sn-092", "2026-04-03T09:20:00", "Europe/Berlin",
 "easter trip to the coast we leave sunday morning so i need to pack tomorrow and drop the key at frau weber's on saturday too so she can water the plants and put air in the tyres and check the ferry times for coming back on monday",
 "MEDIUM", [
  ("Leave for the Easter trip to the coast", "E", "wd:sun", None, "M", None, None),
  ("Pack for the trip", "T", "+1", None, "M", None, None),
  ("Drop the key at Frau Weber's", "T", "wd:sat", None, "M", None, "Frau Weber"),
  ("Put air in the tyres", "T", None, None, "M", None, None),
  ("Check the ferry times for Monday's return", "T", None, None, "M", None, None)]),

("sn-093", "2026-05-20T15:35:00", "Europe/London",
 "feedback from the board meeting they want the sustainability report redone with scope three emissions by the end of june so i need to brief the consultants and pull together last year's supplier data and tell hamid he needs to present it at the july board this is really important for the funding round",
 "HIGH", [
  ("Redo the sustainability report with scope three emissions", "T", "2026-06-30", None, "H", None, None),
  ("Brief the consultants", "T", None, None, "H", None, None),
  ("Pull together last year's supplier data", "T", None, None, "H", None, None),
  ("Present the report at the July board", "T", None, None, "H", "Hamid", None)]),

("sn-094", "2026-06-26T07:30:00", "Australia/Sydney",
 "morning run by the harbour was freezing but beautiful the water was completely still and there were about a hundred cocker twos screaming in the fig trees and i did the full loop in under thirty minutes for the first time since winter started",
 "LOW", []),

("sn-095", "2026-07-22T13:10:00", "America/New_York",
 "the client still hasn't paid invoice forty seven and it's now forty five days late so i need to send a formal reminder to janet in their accounts team today and if nothing comes through i'll talk to the lawyer about small claims also update my contract template to add a late fee clause",
 "MEDIUM", [
  ("Send a formal payment reminder to Janet", "T", "+0", None, "M", None, "Janet"),
  ("Talk to the lawyer about small claims if still unpaid", "T", None, None, "M", None, None),
  ("Add a late fee clause to my contract template", "T", None, None, "M", None, None)]),

("sn-096", "2026-08-13T19:55:00", "Europe/London",
 "the puppy's second vaccination is on saturday at ten fifteen and puppy class starts later this month so i need to sign her up online and buy a proper harness and ask freya to walk her at lunchtime tomorrow because i'm in the office",
 "MEDIUM", [
  ("Puppy's second vaccination", "E", "wd:sat", "10:15", "M", None, None),
  ("Sign the puppy up for puppy class", "T", None, None, "M", None, None),
  ("Buy a proper harness", "T", None, None, "M", None, None),
  ("Walk the puppy at lunchtime", "T", "+1", None, "M", "Freya", None)]),

("sn-097", "2026-09-30T11:25:00", "America/Los_Angeles",
 "okay quarter end is today so i need to submit my expense report by five p m ask kyle to approve the two purchase orders sitting in his queue asap and the uh cull the vendor about the late shipment also the team lunch is on friday at twelve thirty and i need to pick a place",
 "HIGH", [
  ("Submit my expense report", "T", "+0", "17:00", "M", None, None),
  ("Approve the two purchase orders in his queue", "T", None, None, "H", "Kyle", None),
  ("Call the vendor about the late shipment", "T", None, None, "M", None, None),
  ("Team lunch", "E", "wd:fri", "12:30", "M", None, None),
  ("Pick a place for the team lunch", "T", None, None, "M", None, None)]),

("sn-098", "2026-10-26T08:00:00", "Europe/London",
 "right monday morning list most important first chase the signed lease from the tenant in flat two that's urgent then get the gas safety check booked for flat four before the sixth of november renew the landlord insurance arrange the boiler service in flat one reply to the agent about the viewing also order smoke alarms update the rent spreadsheet and whenever i get time repaint the hallway",
 "HIGH", [
  ("Chase the signed lease from the tenant in flat two", "T", None, None, "H", None, None),
  ("Book the gas safety check for flat four", "T", "2026-11-06", None, "M", None, None),
  ("Renew the landlord insurance", "T", None, None, "M", None, None),
  ("Arrange the boiler service in flat one", "T", None, None, "M", None, None),
  ("Reply to the agent about the viewing", "T", None, None, "M", None, None),
  ("Order smoke alarms", "T", None, None, "M", None, None),
  ("Update the rent spreadsheet", "T", None, None, "M", None, None),
  ("Repaint the hallway", "T", None, None, "L", None, None)]),

("sn-099", "2026-11-19T16:40:00", "Asia/Kolkata",
 "my cousin's wedding in jaipur is on the fourth of december and we need to book the train tickets this week before they sell out that's top priority and ask meena didi to finalise the gift and i still have to get my kurta stitched so drop the cloth at the tailor by saturday",
 "HIGH", [
  ("Cousin's wedding in Jaipur", "E", "2026-12-04", None, "M", None, None),
  ("Book the train tickets to Jaipur", "T", None, None, "H", None, None),
  ("Finalise the wedding gift", "T", None, None, "M", "Meena Didi", None),
  ("Drop the kurta cloth at the tailor", "T", "wd:sat", None, "M", None, None)]),

("sn-100", "2026-12-11T12:20:00", "America/New_York",
 "end of week wrap up i finally sent the q4 deck to the ceo and paid the contractor and i already renewed the domain so that's all done the only thing left is the holiday card list i need to send it to our assistant gwen by wednesday and the office is closed from the twenty fourth so no rush on anything else",
 "MEDIUM", [
  ("Send the holiday card list to Gwen", "T", "wd:wed", None, "M", None, "Gwen")]),
]
